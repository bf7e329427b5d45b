/**
 * Database objects written by hand in migration.sql because schema.prisma cannot
 * express them; the drift test expects them in addition to what Prisma generates.
 */
export const MANUAL_OBJECTS = [
  'planning_input_sets_one_ready_per_label',
  'planning_input_sets_one_draft_per_label',
  'planning_input_set_events_no_update_delete',
  'planning_input_set_events_no_truncate',
  // A draft becomes ready only with its approve event; four eyes (migration identity_and_approval).
  'planning_input_sets_ready_needs_approval',
  // The row tables' reference to their revision (migration 20261125100737).
  'planning_input_demand_input_set_insert',
  'planning_input_demand_input_set_update',
  'planning_input_capacity_input_set_insert',
  'planning_input_capacity_input_set_update',
  'planning_input_mix_input_set_insert',
  'planning_input_mix_input_set_update',
  'planning_input_inventory_input_set_insert',
  'planning_input_inventory_input_set_update',
  'planning_input_inbound_input_set_insert',
  'planning_input_inbound_input_set_update',
  'planning_input_period_metrics_input_set_insert',
  'planning_input_period_metrics_input_set_update',
  'planning_input_calendar_input_set_insert',
  'planning_input_calendar_input_set_update',
  'planning_input_params_input_set_insert',
  'planning_input_params_input_set_update',
  'planning_input_sets_delete_rows',
  'planning_input_sets_fixed_id',
] as const;
