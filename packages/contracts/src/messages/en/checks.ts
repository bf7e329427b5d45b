/**
 * The findings of the approval gates' checks (docs/design.md section 11), English. `{against}`
 * is the ready revision the draft was compared with (`weekly_refresh@r2`).
 */
export const CHECK_MESSAGES_EN = {
  'check.skipped_first': "'{label}' has no ready revision to compare with; comparing checks skipped.",
  'check.row_count_change':
    '{table}: {before} rows in {against}, {after} in this revision ({percent}%; the policy allows ±{threshold}%).',
  'check.row_count_change.new_table': '{table}: no rows in {against}, {after} in this revision.',
  'check.item_appeared': "Item '{code}' is new: it is not in {against}.",
  'check.item_disappeared': "Item '{code}' is in {against} but not in this revision.",
  'check.location_appeared': "Location '{code}' is new: it is not in {against}.",
  'check.location_disappeared': "Location '{code}' is in {against} but not in this revision.",
  'check.missing_period': "Period '{period}' has {table} rows in {against} but none in this revision.",
  'check.item_demand_change':
    "Total demand of item '{item}' went from {before} to {after} ({percent}%; the policy allows ±{threshold}%).",
  'check.item_demand_change.from_zero':
    "Total demand of item '{item}' was 0 in {against} and is {after} in this revision.",
  'check.quantity_outlier':
    "Demand of item '{item}' at '{location}' in {period} went from {before} to {after} (×{factor}; the policy flags ×{ratio} or more either way).",
  'check.mixed_uom': "Item '{item}' is given in {count} units of measure (uom) in demand: {uoms}.",
} as const;
