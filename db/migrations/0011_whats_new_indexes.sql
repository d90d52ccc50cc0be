CREATE INDEX "figure_revisions_entered_at_idx" ON "figure_revisions" USING btree ("entered_at");--> statement-breakpoint
CREATE INDEX "period_transitions_at_idx" ON "period_transitions" USING btree ("at");--> statement-breakpoint
CREATE INDEX "target_revisions_updated_at_idx" ON "target_revisions" USING btree ("updated_at");