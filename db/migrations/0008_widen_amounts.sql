ALTER TABLE "figure_revisions" ALTER COLUMN "value" SET DATA TYPE numeric(22, 6);--> statement-breakpoint
ALTER TABLE "figures" ALTER COLUMN "value" SET DATA TYPE numeric(22, 6);--> statement-breakpoint
ALTER TABLE "target_revisions" ALTER COLUMN "value" SET DATA TYPE numeric(22, 6);--> statement-breakpoint
ALTER TABLE "target_revisions" ALTER COLUMN "value_max" SET DATA TYPE numeric(22, 6);--> statement-breakpoint
ALTER TABLE "targets" ALTER COLUMN "value" SET DATA TYPE numeric(22, 6);--> statement-breakpoint
ALTER TABLE "targets" ALTER COLUMN "value_max" SET DATA TYPE numeric(22, 6);