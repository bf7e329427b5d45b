-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "InputSetStatus" AS ENUM ('draft', 'ready', 'archived');

-- CreateEnum
CREATE TYPE "EventAction" AS ENUM ('upload', 'approve', 'revert', 'archive', 'export', 'backfill');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'planner', 'reviewer', 'admin');

-- CreateTable
CREATE TABLE "planning_input_sets" (
    "id" SERIAL NOT NULL,
    "label" VARCHAR(63) NOT NULL,
    "revision" INTEGER NOT NULL,
    "status" "InputSetStatus" NOT NULL,
    "version_id" VARCHAR(128) NOT NULL,
    "note" VARCHAR(2000),
    "content_hash" VARCHAR(64) NOT NULL,
    "row_counts" JSONB NOT NULL,
    "problems" JSONB NOT NULL DEFAULT '[]',
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "warning_count" INTEGER NOT NULL DEFAULT 0,
    "source" JSONB NOT NULL DEFAULT '{}',
    "uploaded_by" VARCHAR(128) NOT NULL,
    "approved_by" VARCHAR(128),
    "approved_at" TIMESTAMPTZ(3),
    "review_comment" VARCHAR(2000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "planning_input_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "planning_input_set_events" (
    "id" BIGSERIAL NOT NULL,
    "input_set_id" INTEGER,
    "label" VARCHAR(63) NOT NULL,
    "revision" INTEGER,
    "action" "EventAction" NOT NULL,
    "actor" VARCHAR(128) NOT NULL,
    "principal" VARCHAR(128) NOT NULL,
    "comment" VARCHAR(2000),
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "prev_hash" VARCHAR(64) NOT NULL,
    "hash" VARCHAR(64) NOT NULL,

    CONSTRAINT "planning_input_set_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "planning_input_demand" (
    "input_set_id" INTEGER NOT NULL,
    "item_code" TEXT NOT NULL,
    "location_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "quantity" DECIMAL NOT NULL,
    "uom" TEXT,

    CONSTRAINT "planning_input_demand_pkey" PRIMARY KEY ("input_set_id","item_code","location_code","period")
);

-- CreateTable
CREATE TABLE "planning_input_capacity" (
    "input_set_id" INTEGER NOT NULL,
    "resource_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "available_hours" DECIMAL NOT NULL,

    CONSTRAINT "planning_input_capacity_pkey" PRIMARY KEY ("input_set_id","resource_code","period")
);

-- CreateTable
CREATE TABLE "planning_input_mix" (
    "input_set_id" INTEGER NOT NULL,
    "resource_code" TEXT NOT NULL,
    "item_code" TEXT NOT NULL,
    "share" DECIMAL NOT NULL,
    "units_per_hour" DECIMAL NOT NULL,

    CONSTRAINT "planning_input_mix_pkey" PRIMARY KEY ("input_set_id","resource_code","item_code")
);

-- CreateTable
CREATE TABLE "planning_input_inventory" (
    "input_set_id" INTEGER NOT NULL,
    "item_code" TEXT NOT NULL,
    "location_code" TEXT NOT NULL,
    "on_hand" DECIMAL NOT NULL,
    "safety_stock" DECIMAL NOT NULL DEFAULT 0,

    CONSTRAINT "planning_input_inventory_pkey" PRIMARY KEY ("input_set_id","item_code","location_code")
);

-- CreateTable
CREATE TABLE "planning_input_inbound" (
    "input_set_id" INTEGER NOT NULL,
    "item_code" TEXT NOT NULL,
    "location_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "quantity" DECIMAL NOT NULL,

    CONSTRAINT "planning_input_inbound_pkey" PRIMARY KEY ("input_set_id","item_code","location_code","period","reference")
);

-- CreateTable
CREATE TABLE "planning_input_period_metrics" (
    "input_set_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DECIMAL NOT NULL,

    CONSTRAINT "planning_input_period_metrics_pkey" PRIMARY KEY ("input_set_id","period","metric")
);

-- CreateTable
CREATE TABLE "planning_input_calendar" (
    "input_set_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "period" TEXT NOT NULL,
    "working" BOOLEAN NOT NULL,
    "hours" DECIMAL,

    CONSTRAINT "planning_input_calendar_pkey" PRIMARY KEY ("input_set_id","date")
);

-- CreateTable
CREATE TABLE "planning_input_params" (
    "input_set_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "planning_input_params_pkey" PRIMARY KEY ("input_set_id","key")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "role" "Role" NOT NULL,
    "employee_id" VARCHAR(64),
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id_hash" VARCHAR(64) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "csrf_token" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id_hash")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "planning_input_sets_status_idx" ON "planning_input_sets"("status");

-- CreateIndex
CREATE UNIQUE INDEX "planning_input_sets_label_revision_key" ON "planning_input_sets"("label", "revision");

-- CreateIndex
CREATE INDEX "planning_input_set_events_label_id_idx" ON "planning_input_set_events"("label", "id");

-- CreateIndex
CREATE UNIQUE INDEX "planning_input_set_events_label_prev_hash_key" ON "planning_input_set_events"("label", "prev_hash");

-- CreateIndex
CREATE UNIQUE INDEX "planning_input_set_events_hash_key" ON "planning_input_set_events"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- AddForeignKey
ALTER TABLE "planning_input_set_events" ADD CONSTRAINT "planning_input_set_events_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_input_demand" ADD CONSTRAINT "planning_input_demand_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_input_capacity" ADD CONSTRAINT "planning_input_capacity_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_input_mix" ADD CONSTRAINT "planning_input_mix_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_input_inventory" ADD CONSTRAINT "planning_input_inventory_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_input_inbound" ADD CONSTRAINT "planning_input_inbound_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_input_period_metrics" ADD CONSTRAINT "planning_input_period_metrics_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_input_calendar" ADD CONSTRAINT "planning_input_calendar_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_input_params" ADD CONSTRAINT "planning_input_params_input_set_id_fkey" FOREIGN KEY ("input_set_id") REFERENCES "planning_input_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Written by hand: what schema.prisma cannot express.
-- ---------------------------------------------------------------------------

-- At most one ready and at most one draft revision per label (DESIGN.md section 4).
CREATE UNIQUE INDEX "planning_input_sets_one_ready_per_label"
  ON "planning_input_sets" ("label") WHERE "status" = 'ready';
CREATE UNIQUE INDEX "planning_input_sets_one_draft_per_label"
  ON "planning_input_sets" ("label") WHERE "status" = 'draft';

-- The audit trail is append-only (DESIGN.md section 5): no UPDATE, DELETE or TRUNCATE.
CREATE FUNCTION "planning_input_set_events_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'planning_input_set_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "planning_input_set_events_no_update_delete"
  BEFORE UPDATE OR DELETE ON "planning_input_set_events"
  FOR EACH ROW EXECUTE FUNCTION "planning_input_set_events_append_only"();

CREATE TRIGGER "planning_input_set_events_no_truncate"
  BEFORE TRUNCATE ON "planning_input_set_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "planning_input_set_events_append_only"();
