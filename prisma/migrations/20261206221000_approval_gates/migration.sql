-- AlterEnum
ALTER TYPE "EventAction" ADD VALUE 'policy_update';

-- AlterTable
ALTER TABLE "planning_input_sets" ADD COLUMN     "checks" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "planning_input_set_policies" (
    "id" SERIAL NOT NULL,
    "label" VARCHAR(63) NOT NULL,
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(128) NOT NULL,

    CONSTRAINT "planning_input_set_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "planning_input_set_findings" (
    "id" BIGSERIAL NOT NULL,
    "input_set_id" INTEGER NOT NULL,
    "check_id" VARCHAR(40) NOT NULL,
    "severity" VARCHAR(8) NOT NULL,
    "table_name" VARCHAR(40) NOT NULL,
    "key_columns" JSONB NOT NULL,
    "key_values" JSONB NOT NULL,
    "before_value" TEXT,
    "after_value" TEXT,
    "message_code" VARCHAR(80) NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "planning_input_set_findings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "planning_input_set_policies_label_version_key" ON "planning_input_set_policies"("label", "version");

-- CreateIndex
CREATE INDEX "planning_input_set_findings_input_set_id_id_idx" ON "planning_input_set_findings"("input_set_id", "id");

-- AddForeignKey
ALTER TABLE "planning_input_set_findings" ADD CONSTRAINT "planning_input_set_findings_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Written by hand from here: privileges schema.prisma cannot express.
-- docs/design.md section 11 ("Approval gates") explains the tables.
-- ---------------------------------------------------------------------------

-- The default privileges of migration app_role_and_four_eyes give the application role
-- SELECT, INSERT, UPDATE and DELETE on these tables. A policy version is history, like
-- an event: the app adds versions and never changes or removes one. Findings are
-- replaced with the draft they belong to, so they keep DELETE.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planning_hub_app') THEN
    GRANT SELECT, INSERT ON "planning_input_set_policies" TO planning_hub_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON "planning_input_set_policies" FROM planning_hub_app;
    GRANT SELECT, INSERT, DELETE ON "planning_input_set_findings" TO planning_hub_app;
    GRANT USAGE, SELECT ON SEQUENCE "planning_input_set_policies_id_seq", "planning_input_set_findings_id_seq" TO planning_hub_app;
  END IF;
END
$$;
