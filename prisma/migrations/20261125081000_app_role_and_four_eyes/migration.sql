-- Written by hand: roles, grants and a trigger, which schema.prisma cannot express.
-- docs/reliability.md ("Audit trail") says how operators run the app with this role.

-- ---------------------------------------------------------------------------
-- The application's least-privilege role. NOLOGIN: operators create the login
-- role the app connects as (DATABASE_URL) and make it a member:
--   CREATE ROLE planning_hub_api LOGIN PASSWORD '...' IN ROLE planning_hub_app;
-- Roles belong to the whole server, so the role is created only once.
-- ---------------------------------------------------------------------------
-- One idempotent block: an owner without CREATEROLE skips it with a warning (the app
-- keeps working as the owner) and a superuser can run it again later.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planning_hub_app') THEN
    BEGIN
      CREATE ROLE planning_hub_app NOLOGIN;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'role planning_hub_app not created: % may not create roles (docs/reliability.md)', current_user;
      RETURN;
    END;
  END IF;

  GRANT USAGE ON SCHEMA public TO planning_hub_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO planning_hub_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO planning_hub_app;

  -- The audit trail (DESIGN.md section 5): read and append, nothing else. The
  -- append-only trigger stays for the owner; for the app, privileges refuse first.
  REVOKE UPDATE, DELETE, TRUNCATE ON "planning_input_set_events" FROM planning_hub_app;

  -- Migrations are the owner's job (pnpm db:migrate); the app only checks for pending ones.
  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM planning_hub_app;

  -- Tables and sequences of later migrations, created by the same owner, get the same rights.
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO planning_hub_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO planning_hub_app;

  -- The diff queue: pg-boss creates and migrates its schema `pgboss` at start-up, as
  -- whichever role the app connects as. Its CREATE SCHEMA IF NOT EXISTS needs CREATE on
  -- the database even when the schema is there; the schema is made here so that tables
  -- the owner's pg-boss creates get the default privileges below.
  EXECUTE format('GRANT CREATE ON DATABASE %I TO planning_hub_app', current_database());
  CREATE SCHEMA IF NOT EXISTS pgboss;
  GRANT USAGE, CREATE ON SCHEMA pgboss TO planning_hub_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO planning_hub_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO planning_hub_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO planning_hub_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT USAGE, SELECT ON SEQUENCES TO planning_hub_app;
END
$$;

-- ---------------------------------------------------------------------------
-- Four-eyes policy in the database: with `planning_hub.four_eyes = on` for the
-- connection, an approve event whose principal uploaded the revision's current
-- content (its latest upload event) is refused. The app sets it on every
-- connection when FOUR_EYES=true; an operator can keep it on whatever the app's
-- environment says:  ALTER DATABASE planning_hub SET planning_hub.four_eyes = 'on';
-- ---------------------------------------------------------------------------
CREATE FUNCTION "planning_input_set_events_four_eyes"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  uploader text;
BEGIN
  IF NEW.action <> 'approve' OR coalesce(current_setting('planning_hub.four_eyes', true), '') <> 'on' THEN
    RETURN NEW;
  END IF;
  SELECT principal INTO uploader
    FROM "planning_input_set_events"
   WHERE label = NEW.label AND input_set_id = NEW.input_set_id AND action = 'upload'
   ORDER BY id DESC
   LIMIT 1;
  IF uploader = NEW.principal THEN
    RAISE EXCEPTION 'four-eyes policy: % uploaded the current content of %@r% and cannot also approve it',
      NEW.principal, NEW.label, NEW.revision
      USING ERRCODE = 'check_violation', CONSTRAINT = 'planning_input_set_events_four_eyes';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "planning_input_set_events_four_eyes"
  BEFORE INSERT ON "planning_input_set_events"
  FOR EACH ROW EXECUTE FUNCTION "planning_input_set_events_four_eyes"();
