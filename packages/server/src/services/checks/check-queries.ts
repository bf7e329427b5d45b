import type { TCheckId, TPolicyDocument } from '@planning-hub/contracts/api/policy';
import type { TCheckMessageCode, TMessageParamValues } from '@planning-hub/contracts/messages/catalog';
import { TABLE_NAMES, type TTableName } from '@planning-hub/contracts/tables';
import { withSettings, type TSqlClient } from '../../database/transaction';

/** A finding before it is stored: which rows, the values before and after, its message by code. */
export type TNewFinding = {
  table: TTableName;
  keyColumns: string[];
  keyValues: string[];
  before: string | null;
  after: string | null;
  messageCode: TCheckMessageCode;
  params: TMessageParamValues;
};

export type TCheckRows = { total: number; findings: TNewFinding[] };

/** The revisions a check reads: the draft just stored and, for comparing checks, the ready one. */
export type TCheckScope = {
  client: TSqlClient;
  draftId: number;
  ready: { id: number; ref: string } | null;
  /** At most this many findings are returned (all are counted). */
  limit: number;
};

/** How a comparing check reads its findings; `ready` is there. */
type TComparingQuery<TId extends TCheckId> = (
  scope: TCheckScope & { ready: { id: number; ref: string } },
  settings: TPolicyDocument['checks'][TId],
) => Promise<TCheckRows>;

const totalOf = (rows: readonly { total: number }[]) => rows[0]?.total ?? 0;

/** Row counts per table against the ready revision's (both stored with the revisions). */
const rowCountChange: TComparingQuery<'row_count_change'> = async (
  { client, draftId, ready, limit },
  settings,
) => {
  const { rows } = await client.query<{ table_name: TTableName; before: string; after: string }>(
    `SELECT t.table_name, coalesce(r.row_counts ->> t.table_name, '0') AS before, coalesce(d.row_counts ->> t.table_name, '0') AS after
       FROM unnest($3::text[]) WITH ORDINALITY AS t(table_name, position)
       JOIN planning_input_sets d ON d.id = $1
       JOIN planning_input_sets r ON r.id = $2
      ORDER BY t.position`,
    [draftId, ready.id, TABLE_NAMES],
  );
  const findings: TNewFinding[] = [];
  for (const row of rows) {
    const before = Number(row.before);
    const after = Number(row.after);
    const base = {
      table: row.table_name,
      keyColumns: [],
      keyValues: [],
      before: row.before,
      after: row.after,
    };
    if (before === 0 && after > 0) {
      findings.push({
        ...base,
        messageCode: 'check.row_count_change.new_table',
        params: { table: row.table_name, against: ready.ref, after },
      });
    } else if (before > 0 && (Math.abs(after - before) / before) * 100 > settings.threshold_percent) {
      const percent = (((after - before) / before) * 100).toFixed(1);
      findings.push({
        ...base,
        messageCode: 'check.row_count_change',
        params: {
          table: row.table_name,
          against: ready.ref,
          before,
          after,
          percent: after > before ? `+${percent}` : percent,
          threshold: settings.threshold_percent,
        },
      });
    }
  }
  return { total: findings.length, findings: findings.slice(0, limit) };
};

const PRESENCE_TABLES: readonly TTableName[] = ['demand', 'inventory', 'inbound'];

/** Item and location codes of demand, inventory and inbound that only one revision has. */
const itemLocationPresence: TComparingQuery<'item_location_presence'> = async ({
  client,
  draftId,
  ready,
  limit,
}) => {
  const { rows } = await client.query<{
    key_column: 'item_code' | 'location_code';
    code: string;
    in_draft: boolean;
    prio: number;
    total: number;
  }>(
    `WITH keyed AS (
       SELECT input_set_id, item_code, location_code, 1 AS prio FROM planning_input_demand WHERE input_set_id IN ($1, $2)
       UNION ALL
       SELECT input_set_id, item_code, location_code, 2 FROM planning_input_inventory WHERE input_set_id IN ($1, $2)
       UNION ALL
       SELECT input_set_id, item_code, location_code, 3 FROM planning_input_inbound WHERE input_set_id IN ($1, $2)
     ), codes AS (
       SELECT CASE WHEN GROUPING(item_code) = 0 THEN 'item_code' ELSE 'location_code' END AS key_column,
              coalesce(item_code, location_code) AS code,
              bool_or(input_set_id = $1) AS in_draft, bool_or(input_set_id = $2) AS in_ready, min(prio) AS prio
         FROM keyed
        GROUP BY GROUPING SETS ((item_code), (location_code))
     )
     SELECT key_column, code, in_draft, prio, count(*) OVER ()::int AS total
       FROM codes WHERE in_draft <> in_ready
      ORDER BY key_column, in_draft, code
      LIMIT $3`,
    [draftId, ready.id, limit],
  );
  return {
    total: totalOf(rows),
    findings: rows.map((row) => {
      const what = row.key_column === 'item_code' ? 'item' : 'location';
      return {
        table: PRESENCE_TABLES[row.prio - 1] ?? 'demand',
        keyColumns: [row.key_column],
        keyValues: [row.code],
        before: row.in_draft ? null : row.code,
        after: row.in_draft ? row.code : null,
        messageCode: row.in_draft
          ? (`check.${what}_appeared` as const)
          : (`check.${what}_disappeared` as const),
        params: { code: row.code, against: ready.ref },
      };
    }),
  };
};

/** Periods of demand and capacity that the ready revision has and the draft lacks. */
const missingPeriods: TComparingQuery<'missing_periods'> = async ({ client, draftId, ready, limit }) => {
  const { rows } = await client.query<{ table_name: 'demand' | 'capacity'; period: string; total: number }>(
    `WITH periods AS (
       SELECT DISTINCT 'demand' AS table_name, period, input_set_id FROM planning_input_demand WHERE input_set_id IN ($1, $2)
       UNION ALL
       SELECT DISTINCT 'capacity', period, input_set_id FROM planning_input_capacity WHERE input_set_id IN ($1, $2)
     )
     SELECT table_name, period, count(*) OVER ()::int AS total
       FROM periods GROUP BY table_name, period HAVING NOT bool_or(input_set_id = $1)
      ORDER BY table_name DESC, period
      LIMIT $3`,
    [draftId, ready.id, limit],
  );
  return {
    total: totalOf(rows),
    findings: rows.map((row) => ({
      table: row.table_name,
      keyColumns: ['period'],
      keyValues: [row.period],
      before: row.period,
      after: null,
      messageCode: 'check.missing_period',
      params: { period: row.period, table: row.table_name, against: ready.ref },
    })),
  };
};

/** Total demand per item (both revisions have the item) changed by more than the threshold, biggest move first. */
const itemDemandChange: TComparingQuery<'item_demand_change'> = async (
  { client, draftId, ready, limit },
  settings,
) => {
  const { rows } = await client.query<{
    item_code: string;
    before: string;
    after: string;
    percent: string | null;
    total: number;
  }>(
    `WITH totals AS (
       SELECT item_code,
              sum(quantity) FILTER (WHERE input_set_id = $2) AS before,
              sum(quantity) FILTER (WHERE input_set_id = $1) AS after
         FROM planning_input_demand WHERE input_set_id IN ($1, $2)
        GROUP BY item_code
     )
     SELECT item_code, before::text AS before, after::text AS after,
            CASE WHEN before <> 0 THEN round((after - before) / before * 100, 1)::text END AS percent,
            count(*) OVER ()::int AS total
       FROM totals
      WHERE before IS NOT NULL AND after IS NOT NULL
        AND CASE WHEN before = 0 THEN after <> 0 ELSE abs(after - before) / before * 100 > $3::numeric END
      ORDER BY abs(after - before) DESC, item_code
      LIMIT $4`,
    [draftId, ready.id, String(settings.threshold_percent), limit],
  );
  return {
    total: totalOf(rows),
    findings: rows.map((row): TNewFinding => {
      const base = {
        table: 'demand' as const,
        keyColumns: ['item_code'],
        keyValues: [row.item_code],
        before: row.before,
        after: row.after,
      };
      if (row.percent === null) {
        return {
          ...base,
          messageCode: 'check.item_demand_change.from_zero',
          params: { item: row.item_code, against: ready.ref, after: row.after },
        };
      }
      return {
        ...base,
        messageCode: 'check.item_demand_change',
        params: {
          item: row.item_code,
          before: row.before,
          after: row.after,
          percent: row.percent.startsWith('-') ? row.percent : `+${row.percent}`,
          threshold: settings.threshold_percent,
        },
      };
    }),
  };
};

/** Demand keys in both revisions whose quantity moved by the policy's ratio or more, either way. */
const quantityOutlier: TComparingQuery<'quantity_outlier'> = async (
  { client, draftId, ready, limit },
  settings,
) => {
  // The draft's rows were copied in this transaction and the ready revision's may be as new:
  // with no statistics for either, the planner guessed a row each and joined them in a nested
  // loop comparing every pair of rows (10^10 pairs for 100k by 100k: more than 15 minutes of
  // CPU in one upload, holding the label's lock, before it was stopped). Without nested loops
  // it merge-joins the two primary key reads. Local to the transaction, put back after.
  const { rows } = await withSettings(client, { enable_nestloop: 'off' }, 'transaction', () =>
    client.query<{
      item_code: string;
      location_code: string;
      period: string;
      before: string;
      after: string;
      factor: string;
      total: number;
    }>(
      `SELECT d.item_code, d.location_code, d.period, r.quantity::text AS before, d.quantity::text AS after,
            round(d.quantity / r.quantity, 3)::text AS factor, count(*) OVER ()::int AS total
       FROM planning_input_demand d
       JOIN planning_input_demand r
         ON r.input_set_id = $2 AND r.item_code = d.item_code AND r.location_code = d.location_code AND r.period = d.period
      WHERE d.input_set_id = $1 AND r.quantity > 0 AND d.quantity > 0
        AND (d.quantity >= r.quantity * $3::numeric OR r.quantity >= d.quantity * $3::numeric)
      ORDER BY greatest(d.quantity / r.quantity, r.quantity / d.quantity) DESC, d.item_code, d.location_code, d.period
      LIMIT $4`,
      [draftId, ready.id, String(settings.ratio), limit],
    ),
  );
  return {
    total: totalOf(rows),
    findings: rows.map((row) => ({
      table: 'demand',
      keyColumns: ['item_code', 'location_code', 'period'],
      keyValues: [row.item_code, row.location_code, row.period],
      before: row.before,
      after: row.after,
      messageCode: 'check.quantity_outlier',
      params: {
        item: row.item_code,
        location: row.location_code,
        period: row.period,
        before: row.before,
        after: row.after,
        factor: row.factor.replace(/\.?0+$/, ''),
        ratio: settings.ratio,
      },
    })),
  };
};

/** Every check that compares with the ready revision, by id. */
export const COMPARING_QUERIES = {
  row_count_change: rowCountChange,
  item_location_presence: itemLocationPresence,
  missing_periods: missingPeriods,
  item_demand_change: itemDemandChange,
  quantity_outlier: quantityOutlier,
} satisfies { [TId in Exclude<TCheckId, 'mixed_uom'>]: TComparingQuery<TId> };
