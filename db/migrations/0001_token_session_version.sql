-- Tokens made before this migration take their owner's current session version, so they keep working.
ALTER TABLE "api_tokens" ADD COLUMN "session_version" integer;--> statement-breakpoint
UPDATE "api_tokens" SET "session_version" = "users"."session_version" FROM "users" WHERE "users"."id" = "api_tokens"."user_id";--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "session_version" SET NOT NULL;
