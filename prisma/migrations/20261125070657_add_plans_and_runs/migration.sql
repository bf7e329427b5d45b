-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "plans" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(128) NOT NULL,
    "default_input_set_label" VARCHAR(63),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(128) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "plan_id" UUID,
    "entrypoint" VARCHAR(32) NOT NULL,
    "status" "RunStatus" NOT NULL,
    "input_set_label" VARCHAR(63),
    "input_set_id" INTEGER,
    "input_set_revision" INTEGER,
    "input_set_version_id" VARCHAR(128),
    "content_hash" VARCHAR(64),
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "error" VARCHAR(4000),
    "note" VARCHAR(4000),
    "artifact_path" VARCHAR(512),
    "artifact_sha256" VARCHAR(64),
    "artifact_bytes" BIGINT,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" VARCHAR(128) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "plan_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "plans_name_key" ON "plans"("name");

-- CreateIndex
CREATE INDEX "plan_runs_plan_id_created_at_idx" ON "plan_runs"("plan_id", "created_at");

-- CreateIndex
CREATE INDEX "plan_runs_created_at_idx" ON "plan_runs"("created_at");

-- AddForeignKey
ALTER TABLE "plan_runs" ADD CONSTRAINT "plan_runs_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_runs" ADD CONSTRAINT "plan_runs_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE SET NULL ON UPDATE CASCADE;
