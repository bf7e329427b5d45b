import Decimal from 'decimal.js';
import { problemMessage, shorten } from '../problem-list';
import { columnIndex, type TRulesFactory } from './table-rules';

/** Shares of one resource must sum to 1 within this tolerance (docs/design.md section 3). */
const SHARE_SUM_TOLERANCE = new Decimal('0.000001');

type TShareSum = { sum: Decimal; rows: number; firstLine: number | null };

/** mix: every resource has capacity; the shares of each resource sum to 1; collects mix items. */
export const createMixRules: TRulesFactory = ({ context, spec, presentColumns }) => {
  const resourceIndex = columnIndex(spec, 'resource_code');
  const itemIndex = columnIndex(spec, 'item_code');
  const shareIndex = columnIndex(spec, 'share');
  const items = presentColumns.has('item_code') ? new Set<string>() : null;
  context.mixItems = items;
  const sums = new Map<string, TShareSum>();
  return {
    checkRow(values, line, report) {
      const resource = values[resourceIndex];
      const item = values[itemIndex];
      const share = values[shareIndex];
      if (items !== null && typeof item === 'string') items.add(item);
      if (typeof resource !== 'string') return;
      if (context.capacityResources !== null && !context.capacityResources.has(resource)) {
        report(
          'mix_resource_without_capacity',
          'resource_code',
          resource,
          problemMessage('problem.mix_resource_without_capacity', { resource: shorten(resource) }),
        );
      }
      if (typeof share !== 'string') return;
      const entry = sums.get(resource);
      if (entry) {
        entry.sum = entry.sum.plus(share);
        entry.rows++;
      } else sums.set(resource, { sum: new Decimal(share), rows: 1, firstLine: line });
    },
    finish(report) {
      for (const [resource, { sum, rows, firstLine }] of sums) {
        if (sum.minus(1).abs().lte(SHARE_SUM_TOLERANCE)) continue;
        const params = { resource: shorten(resource), sum: sum.toFixed(), rows };
        report({
          code: 'mix_share_sum',
          row: firstLine,
          column: 'share',
          value: sum.toFixed(),
          detail:
            rows === 1
              ? problemMessage(
                  firstLine === null
                    ? 'problem.mix_share_sum.one_row_no_line'
                    : 'problem.mix_share_sum.one_row',
                  params,
                )
              : problemMessage(
                  firstLine === null ? 'problem.mix_share_sum.no_line' : 'problem.mix_share_sum',
                  params,
                ),
        });
      }
    },
  };
};
