CREATE TYPE "public"."target_bound" AS ENUM('exact', 'at_least', 'at_most');--> statement-breakpoint
CREATE TYPE "public"."direction" AS ENUM('up', 'down', 'neutral');--> statement-breakpoint
CREATE TYPE "public"."indicator_kind" AS ENUM('flow', 'index', 'stock', 'count', 'rate');--> statement-breakpoint
CREATE TYPE "public"."measure" AS ENUM('value', 'level', 'yoy_pct', 'mom_pct');--> statement-breakpoint
CREATE TYPE "public"."period_status" AS ENUM('draft', 'submitted', 'approved', 'returned');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('staff', 'leader', 'province_admin', 'national', 'system_admin');--> statement-breakpoint
CREATE TYPE "public"."target_basis" AS ENUM('level', 'growth');--> statement-breakpoint
CREATE TYPE "public"."vintage" AS ENUM('estimate', 'preliminary', 'official');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"province_id" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "figure_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"figure_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"vintage" "vintage" NOT NULL,
	"note" text,
	"entered_by" integer,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "figure_revisions_key" UNIQUE("figure_id","version")
);
--> statement-breakpoint
CREATE TABLE "figures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_id" text NOT NULL,
	"indicator_code" text NOT NULL,
	"period" text NOT NULL,
	"year" smallint NOT NULL,
	"measure" "measure" NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"vintage" "vintage" NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"entered_by" integer,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "figures_key" UNIQUE("province_id","indicator_code","period","measure"),
	CONSTRAINT "figures_period_format" CHECK ("figures"."period" ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-YTD(0[1-9]|1[0-2]))?$')
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"kind" "indicator_kind" NOT NULL,
	"direction" "direction" NOT NULL,
	"decimals" smallint NOT NULL,
	"target_basis" "target_basis" NOT NULL,
	"frequency" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "period_statuses" (
	"province_id" text NOT NULL,
	"period" text NOT NULL,
	"status" "period_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "period_statuses_province_id_period_pk" PRIMARY KEY("province_id","period"),
	CONSTRAINT "period_statuses_month" CHECK ("period_statuses"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "period_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_id" text NOT NULL,
	"period" text NOT NULL,
	"action" text NOT NULL,
	"from_status" "period_status" NOT NULL,
	"to_status" "period_status" NOT NULL,
	"reason" text,
	"acknowledgements" jsonb,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"successor_id" text
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"address" text NOT NULL,
	"user_id" integer,
	"success" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"target_id" integer NOT NULL,
	"version" integer NOT NULL,
	"basis" "target_basis" NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"value_max" numeric(20, 6),
	"bound" "target_bound" NOT NULL,
	"document" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_revisions_key" UNIQUE("target_id","version")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_id" text NOT NULL,
	"indicator_code" text NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint,
	"basis" "target_basis" NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"value_max" numeric(20, 6),
	"bound" "target_bound" DEFAULT 'exact' NOT NULL,
	"document" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_key" UNIQUE NULLS NOT DISTINCT("province_id","indicator_code","year","quarter"),
	CONSTRAINT "targets_quarter" CHECK ("targets"."quarter" is null or "targets"."quarter" between 1 and 4),
	CONSTRAINT "targets_range" CHECK ("targets"."value_max" is null or "targets"."value_max" >= "targets"."value")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"province_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_province_by_role" CHECK (("users"."role" in ('national', 'system_admin')) = ("users"."province_id" is null))
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_revisions" ADD CONSTRAINT "figure_revisions_figure_id_figures_id_fk" FOREIGN KEY ("figure_id") REFERENCES "public"."figures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_revisions" ADD CONSTRAINT "figure_revisions_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_statuses" ADD CONSTRAINT "period_statuses_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_statuses" ADD CONSTRAINT "period_statuses_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_transitions" ADD CONSTRAINT "period_transitions_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_transitions" ADD CONSTRAINT "period_transitions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_province_at_idx" ON "audit_log" USING btree ("province_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "figures_province_year_idx" ON "figures" USING btree ("province_id","year");--> statement-breakpoint
CREATE INDEX "period_transitions_key_idx" ON "period_transitions" USING btree ("province_id","period");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_username_idx" ON "sign_in_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_idx" ON "sign_in_attempts" USING btree ("address","at");--> statement-breakpoint
CREATE INDEX "users_province_idx" ON "users" USING btree ("province_id");