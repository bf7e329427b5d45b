import { TABLE_SPECS } from '@planning-hub/contracts/tables';
import type { TValidRow } from '@planning-hub/core/bundle/row-batcher';
import { compareUtf8 } from '@planning-hub/core/canonical/compare-utf8';
import type { TCheckRows } from './check-queries';

const DEMAND_COLUMNS = TABLE_SPECS.demand.columns.map((column) => column.name);
const ITEM = DEMAND_COLUMNS.indexOf('item_code');
const UOM = DEMAND_COLUMNS.indexOf('uom');

/** A unit as the check compares it: spaces at either end do not count, no unit is ''. */
function normalUom(value: string | null): string {
  if (value === null) return '';
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) === 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) === 0x20) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** A unit as a finding shows it: PostgreSQL's quote_literal, which the SQL check used. */
function quoteLiteral(value: string): string {
  const quoted = `'${value.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
  return value.includes('\\') ? `E${quoted}` : quoted;
}

export type TMixedUomTally = {
  /** The demand rows as the import stores them (the sink's value arrays). */
  add: (rows: readonly TValidRow[]) => void;
  /** The check's findings: the items whose rows use more than one unit, at most `limit` shown. */
  findings: (limit: number) => TCheckRows;
};

/**
 * The `mixed_uom` check (docs/design.md section 11): within the draft alone, items whose
 * demand rows name more than one uom (blank counts as one). Counted while the demand rows stream
 * to COPY: one map lookup per row on the import's Node thread, instead of a GROUP BY over
 * every stored row after COPY, which kept PostgreSQL busy for a third of a second per
 * million rows on the import's critical path (docs/performance.md, Import).
 * Items and units are ordered by their UTF-8 bytes, as keys are everywhere else.
 */
export function createMixedUomTally(): TMixedUomTally {
  // The first unit of each item; a Set once a second one shows up.
  const units = new Map<string, string | Set<string>>();
  return {
    add(rows) {
      for (const row of rows) {
        const item = row[ITEM]!;
        const uom = normalUom(row[UOM] ?? null);
        const seen = units.get(item);
        if (seen === undefined) units.set(item, uom);
        else if (typeof seen === 'string') {
          if (seen !== uom) units.set(item, new Set([seen, uom]));
        } else seen.add(uom);
      }
    },
    findings(limit) {
      const mixed: [string, Set<string>][] = [];
      for (const [item, seen] of units) if (typeof seen !== 'string') mixed.push([item, seen]);
      mixed.sort(([a], [b]) => compareUtf8(a, b));
      return {
        total: mixed.length,
        findings: mixed.slice(0, limit).map(([item, seen]) => {
          const uoms = [...seen].map(quoteLiteral).sort(compareUtf8).join(', ');
          return {
            table: 'demand',
            keyColumns: ['item_code'],
            keyValues: [item],
            before: null,
            after: uoms,
            messageCode: 'check.mixed_uom',
            params: { item, count: seen.size, uoms },
          };
        }),
      };
    },
  };
}
