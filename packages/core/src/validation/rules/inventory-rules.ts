import { createOrphanItemCheck } from './check-orphan-item';
import type { TRulesFactory } from './table-rules';

/** inventory: items should be demanded or produced. */
export const createInventoryRules: TRulesFactory = ({ context, spec }) => {
  const checkOrphan = createOrphanItemCheck(context, spec, 'inventory');
  return { checkRow: (values, _line, report) => checkOrphan(values, report) };
};
