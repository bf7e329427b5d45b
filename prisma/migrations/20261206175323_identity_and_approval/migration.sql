-- CreateEnum
CREATE TYPE "UserKind" AS ENUM ('person', 'local');

-- AlterTable
ALTER TABLE "planning_input_sets" ADD COLUMN     "reviewer_id" VARCHAR(128);

-- AlterTable
ALTER TABLE "planning_input_set_events" ADD COLUMN     "user_id" INTEGER,
ADD COLUMN     "xact_id" xid8 NOT NULL DEFAULT pg_current_xact_id();

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "kind" "UserKind" NOT NULL DEFAULT 'person';

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "expires_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "planning_hub_policy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "four_eyes" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "planning_hub_policy_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "planning_input_set_events" ADD CONSTRAINT "planning_input_set_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Written by hand from here: data, grants and a trigger schema.prisma cannot express.
-- docs/design.md ("Identity and four eyes") explains the rules.
-- ---------------------------------------------------------------------------

-- Before, approved_by held the Reviewer ID typed in the form; it moves to reviewer_id.
-- approved_by keeps it for those old approvals, whose signed-in user was not recorded.
UPDATE "planning_input_sets" SET "reviewer_id" = "approved_by" WHERE "approved_by" IS NOT NULL;

-- The one row of the installation's policy; the server sets four_eyes from FOUR_EYES at start.
INSERT INTO "planning_hub_policy" ("id", "four_eyes") VALUES (1, false) ON CONFLICT ("id") DO NOTHING;

-- The per-connection setting planning_hub.four_eyes could be turned off by any session:
-- the policy now lives in planning_hub_policy and is enforced on the status change itself.
DROP TRIGGER IF EXISTS "planning_input_set_events_four_eyes" ON "planning_input_set_events";
DROP FUNCTION IF EXISTS "planning_input_set_events_four_eyes"();

-- A revision becomes ready only in the transaction that writes its approve event, for
-- every writer (the app, a script, psql): an UPDATE ... SET status = 'ready' without
-- that event fails. Under the four-eyes policy the approve event must name a signed-in
-- user (not a local operator) other than the user of the revision's latest upload event.
CREATE FUNCTION "planning_input_sets_ready_needs_approval"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  approver_id integer;
  approver_kind text;
  uploader_id integer;
  is_four_eyes boolean;
BEGIN
  IF NEW.status <> 'ready' OR (TG_OP = 'UPDATE' AND OLD.status = 'ready') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    RAISE EXCEPTION 'a revision is stored as a draft; it becomes ready only by an approval'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'planning_input_sets_ready_needs_approval';
  END IF;

  SELECT e.user_id, u.kind::text INTO approver_id, approver_kind
    FROM "planning_input_set_events" e LEFT JOIN "users" u ON u.id = e.user_id
   WHERE e.input_set_id = NEW.id AND e.action = 'approve' AND e.xact_id = pg_current_xact_id()
   ORDER BY e.id DESC
   LIMIT 1;
  IF NOT FOUND THEN
    RAISE EXCEPTION '%@r% becomes ready only in the transaction that writes its approve event', NEW.label, NEW.revision
      USING ERRCODE = 'check_violation', CONSTRAINT = 'planning_input_sets_ready_needs_approval';
  END IF;

  SELECT p.four_eyes INTO is_four_eyes FROM "planning_hub_policy" p WHERE p.id = 1;
  IF coalesce(is_four_eyes, false) THEN
    IF approver_id IS NULL OR approver_kind = 'local' THEN
      RAISE EXCEPTION 'four-eyes policy: %@r% must be approved by a signed-in user, not a local operator', NEW.label, NEW.revision
        USING ERRCODE = 'check_violation', CONSTRAINT = 'planning_input_sets_four_eyes';
    END IF;
    SELECT e.user_id INTO uploader_id
      FROM "planning_input_set_events" e
     WHERE e.input_set_id = NEW.id AND e.action = 'upload'
     ORDER BY e.id DESC
     LIMIT 1;
    IF uploader_id = approver_id THEN
      RAISE EXCEPTION 'four-eyes policy: the user who uploaded the current content of %@r% cannot also approve it', NEW.label, NEW.revision
        USING ERRCODE = 'check_violation', CONSTRAINT = 'planning_input_sets_four_eyes';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "planning_input_sets_ready_needs_approval"
  BEFORE INSERT OR UPDATE OF "status" ON "planning_input_sets"
  FOR EACH ROW EXECUTE FUNCTION "planning_input_sets_ready_needs_approval"();

-- The application role reads the policy; only the owner (migrations, a server that
-- connects as the owner) changes it.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planning_hub_app') THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "planning_hub_policy" FROM planning_hub_app;
    GRANT SELECT ON "planning_hub_policy" TO planning_hub_app;
  END IF;
END
$$;
