-- Issue 12: every write to what attainment is computed from bumps, in the writing transaction, the
-- data version of each province it touched (figures, targets, month statuses), and `*` for the
-- reference tables (provinces, indicators) and for a TRUNCATE. Statement-level triggers with
-- transition tables: one upsert per statement and province, however many rows an import writes;
-- provinces are bumped in a fixed order so two writers cannot deadlock on them.
CREATE OR REPLACE FUNCTION chitieu_bump_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO data_versions AS d (scope, version)
    SELECT DISTINCT province_id, 1 FROM new_rows ORDER BY 1
    ON CONFLICT (scope) DO UPDATE SET version = d.version + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO data_versions AS d (scope, version)
    SELECT province_id, 1 FROM (SELECT province_id FROM new_rows UNION SELECT province_id FROM old_rows) c
    ORDER BY 1
    ON CONFLICT (scope) DO UPDATE SET version = d.version + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO data_versions AS d (scope, version)
    SELECT DISTINCT province_id, 1 FROM old_rows ORDER BY 1
    ON CONFLICT (scope) DO UPDATE SET version = d.version + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION chitieu_bump_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions AS d (scope, version) VALUES ('*', 1)
  ON CONFLICT (scope) DO UPDATE SET version = d.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['figures', 'targets', 'period_statuses'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION chitieu_bump_data_versions()', t || '_version_ins', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION chitieu_bump_data_versions()', t || '_version_upd', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version_del', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION chitieu_bump_data_versions()', t || '_version_del', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version_trunc', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION chitieu_bump_reference_version()', t || '_version_trunc', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['provinces', 'indicators'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION chitieu_bump_reference_version()', t || '_version', t);
  END LOOP;
END $$;
