/**
 * Database objects written by hand in migration.sql because schema.prisma cannot
 * express them; the drift test expects them in addition to what Prisma generates.
 */
export const MANUAL_OBJECTS = [
  'planning_input_sets_one_ready_per_label',
  'planning_input_sets_one_draft_per_label',
  'planning_input_set_events_no_update_delete',
  'planning_input_set_events_no_truncate',
  'planning_input_set_events_four_eyes',
] as const;
