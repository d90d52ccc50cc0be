CREATE TABLE "report_files" (
	"report_id" integer NOT NULL,
	"format" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_files_report_id_format_pk" PRIMARY KEY("report_id","format")
);
--> statement-breakpoint
CREATE TABLE "report_settings" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_id" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"supervising_body" text NOT NULL,
	"issuing_body" text NOT NULL,
	"place" text NOT NULL,
	"symbol" text NOT NULL,
	"signer_authority" text DEFAULT '' NOT NULL,
	"signer_title" text NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"addressees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"drafting_unit" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_settings_key" UNIQUE("province_id","valid_from"),
	CONSTRAINT "report_settings_validity" CHECK ("report_settings"."valid_to" is null or "report_settings"."valid_to" >= "report_settings"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_id" text NOT NULL,
	"period" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"paragraphs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issued_number" integer,
	"issued_symbol" text,
	"issued_on" date,
	"issued_year" smallint,
	"issued_place" text,
	"issued_by" integer,
	"issued_at" timestamp with time zone,
	"snapshot" jsonb,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_key" UNIQUE("province_id","period"),
	CONSTRAINT "reports_number" UNIQUE("province_id","issued_year","issued_symbol","issued_number"),
	CONSTRAINT "reports_period_format" CHECK ("reports"."period" ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-YTD(0[1-9]|1[0-2]))?$')
);
--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;