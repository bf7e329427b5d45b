import { z } from 'zod';
import {
  MAX_RELATIVE_TOLERANCE,
  MEASURED_TABLES,
  TOLERANCE_DECIMAL,
  measureColumnsOf,
  type TColumnTolerance,
  type TDiffTolerance,
  type TMeasuredTable,
} from './diff';

/**
 * Tolerances as query parameters and CLI options, one per column:
 * `tolerance=demand.quantity:0.5%` (relative, percent of the old value) or
 * `tolerance=inventory.on_hand:10` (absolute, in the column's unit). Naming the same
 * column twice, once each way, sets both.
 */
export const MAX_TOLERANCE_PARAMS = 16;
const MAX_TOLERANCE_PARAM_LENGTH = 100;
const PARAM = /^([a-z_]+)\.([a-z_]+):([0-9.]+)(%?)$/;

export type TToleranceParse = { tolerance: TDiffTolerance } | { error: string };

/** The tolerance that `texts` spell, or why one of them is not a tolerance. */
export function parseToleranceParams(texts: readonly string[]): TToleranceParse {
  if (texts.length > MAX_TOLERANCE_PARAMS) return { error: `At most ${MAX_TOLERANCE_PARAMS} tolerances.` };
  const tolerance: TDiffTolerance = {};
  for (const text of texts) {
    const shown = text.slice(0, MAX_TOLERANCE_PARAM_LENGTH);
    const match = text.length <= MAX_TOLERANCE_PARAM_LENGTH ? PARAM.exec(text.trim()) : null;
    if (!match)
      return { error: `'${shown}' is not a tolerance; write table.column:0.5% or table.column:10.` };
    const [, table = '', column = '', value = '', percent] = match;
    if (
      !(MEASURED_TABLES as readonly string[]).includes(table) ||
      !measureColumnsOf(table as TMeasuredTable).includes(column)
    ) {
      return {
        error: `'${shown}': ${table}.${column} has no totals; tolerances apply to ${measuredColumnNames().join(', ')}.`,
      };
    }
    if (!TOLERANCE_DECIMAL.test(value))
      return { error: `'${shown}': ${value} is not a plain non-negative decimal.` };
    const columns = (tolerance[table as TMeasuredTable] ??= {});
    const entry: TColumnTolerance = (columns[column] ??= {});
    if (percent) {
      const relative = Number(value);
      if (relative > MAX_RELATIVE_TOLERANCE)
        return { error: `'${shown}': a relative tolerance is at most ${MAX_RELATIVE_TOLERANCE}%.` };
      entry.relative = relative;
    } else {
      entry.absolute = value;
    }
  }
  return { tolerance };
}

/** The query parameters (or CLI options) that give `tolerance` back, in bundle order. */
export function formatToleranceParams(tolerance: TDiffTolerance): string[] {
  const texts: string[] = [];
  for (const table of MEASURED_TABLES) {
    for (const [column, entry] of Object.entries(tolerance[table] ?? {})) {
      if (entry.relative !== undefined) texts.push(`${table}.${column}:${entry.relative}%`);
      if (entry.absolute !== undefined) texts.push(`${table}.${column}:${entry.absolute}`);
    }
  }
  return texts;
}

/** The label's defaults with the request's tolerances in place of theirs, column by column. */
export function mergeTolerance(defaults: TDiffTolerance, override: TDiffTolerance): TDiffTolerance {
  const merged: TDiffTolerance = {};
  for (const table of MEASURED_TABLES) {
    const columns = { ...defaults[table], ...override[table] };
    if (Object.keys(columns).length > 0) merged[table] = columns;
  }
  return merged;
}

function measuredColumnNames(): string[] {
  return MEASURED_TABLES.flatMap((table) => measureColumnsOf(table).map((column) => `${table}.${column}`));
}

/** `tolerance` as a query parameter: once or repeated, each `table.column:<decimal>[%]`. */
export const ZToleranceQuery = z
  .union([
    z.string().max(MAX_TOLERANCE_PARAM_LENGTH),
    z.array(z.string().max(MAX_TOLERANCE_PARAM_LENGTH)).max(MAX_TOLERANCE_PARAMS),
  ])
  .transform((value, ctx) => {
    const parsed = parseToleranceParams(typeof value === 'string' ? [value] : value);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.tolerance;
  });
