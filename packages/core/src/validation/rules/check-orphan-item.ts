import type { TTableSpec } from '@planning-hub/contracts/tables';
import type { TBundleContext } from '../bundle-context';
import { problemMessage, shorten } from '../problem-list';
import { columnIndex, type TRowReport, type TRowValues } from './table-rules';

/** inventory and inbound: an item nobody demands or produces is probably a typo (a warning). */
export function createOrphanItemCheck(context: TBundleContext, spec: TTableSpec, what: string) {
  const itemIndex = columnIndex(spec, 'item_code');
  const { demandItems, mixItems } = context;
  return (values: TRowValues, report: TRowReport): void => {
    const item = values[itemIndex];
    if (demandItems === null || mixItems === null || typeof item !== 'string') return;
    if (demandItems.has(item) || mixItems.has(item)) return;
    report(
      'orphan_item',
      'item_code',
      item,
      problemMessage('problem.orphan_item', { item: shorten(item), what }),
    );
  };
}
