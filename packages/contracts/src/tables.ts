/**
 * The eight tables of an input set, as docs/design.md section 2 specifies them.
 * Parsing, validation, storage, hashing, export and diff all read this one spec.
 */

import type { TTableName } from './table-names';

export { TABLE_NAMES, type TTableName } from './table-names';

/**
 * - `code`: item, location, resource, metric or reference code (text as typed).
 * - `period`: a period in the set's granularity (month, ISO week or day).
 * - `decimal`: an exact decimal number, kept as a string in canonical form.
 * - `date`: a calendar date `YYYY-MM-DD`.
 * - `boolean`: true/false/1/0.
 * - `text`: free text (unit of measure).
 * - `json`: a JSON value (params only).
 * - `key`: a param key.
 */
export type TColumnType = 'code' | 'period' | 'decimal' | 'date' | 'boolean' | 'text' | 'json' | 'key';

export type TBound = { value: number; inclusive: boolean };

export type TColumnSpec = {
  name: string;
  type: TColumnType;
  /** A required column must be present in the header and non-empty in every row. */
  required: boolean;
  /** Value used when an optional column is absent or empty (canonical form). */
  defaultValue?: string;
  min?: TBound;
  max?: TBound;
};

export type TTableSpec = {
  name: TTableName;
  /** File name inside a bundle. params may also come as params.json. */
  file: string;
  /** PostgreSQL table holding the rows, keyed by input_set_id. */
  dbTable: string;
  /** Whether a bundle without this table is invalid. */
  required: boolean;
  /** Natural key columns, in sort order. */
  key: readonly string[];
  columns: readonly TColumnSpec[];
};

const nonNegative: TBound = { value: 0, inclusive: true };
const positive: TBound = { value: 0, inclusive: false };

export const TABLE_SPECS: Readonly<Record<TTableName, TTableSpec>> = {
  demand: {
    name: 'demand',
    file: 'demand.csv',
    dbTable: 'planning_input_demand',
    required: true,
    key: ['item_code', 'location_code', 'period'],
    columns: [
      { name: 'item_code', type: 'code', required: true },
      { name: 'location_code', type: 'code', required: true },
      { name: 'period', type: 'period', required: true },
      { name: 'quantity', type: 'decimal', required: true, min: nonNegative },
      { name: 'uom', type: 'text', required: false },
    ],
  },
  capacity: {
    name: 'capacity',
    file: 'capacity.csv',
    dbTable: 'planning_input_capacity',
    required: true,
    key: ['resource_code', 'period'],
    columns: [
      { name: 'resource_code', type: 'code', required: true },
      { name: 'period', type: 'period', required: true },
      { name: 'available_hours', type: 'decimal', required: true, min: nonNegative },
    ],
  },
  mix: {
    name: 'mix',
    file: 'mix.csv',
    dbTable: 'planning_input_mix',
    required: true,
    key: ['resource_code', 'item_code'],
    columns: [
      { name: 'resource_code', type: 'code', required: true },
      { name: 'item_code', type: 'code', required: true },
      { name: 'share', type: 'decimal', required: true, min: positive, max: { value: 1, inclusive: true } },
      { name: 'units_per_hour', type: 'decimal', required: true, min: positive },
    ],
  },
  inventory: {
    name: 'inventory',
    file: 'inventory.csv',
    dbTable: 'planning_input_inventory',
    required: false,
    key: ['item_code', 'location_code'],
    columns: [
      { name: 'item_code', type: 'code', required: true },
      { name: 'location_code', type: 'code', required: true },
      { name: 'on_hand', type: 'decimal', required: true, min: nonNegative },
      { name: 'safety_stock', type: 'decimal', required: false, defaultValue: '0', min: nonNegative },
    ],
  },
  inbound: {
    name: 'inbound',
    file: 'inbound.csv',
    dbTable: 'planning_input_inbound',
    required: false,
    key: ['item_code', 'location_code', 'period', 'reference'],
    columns: [
      { name: 'item_code', type: 'code', required: true },
      { name: 'location_code', type: 'code', required: true },
      { name: 'period', type: 'period', required: true },
      { name: 'reference', type: 'code', required: true },
      { name: 'quantity', type: 'decimal', required: true, min: positive },
    ],
  },
  period_metrics: {
    name: 'period_metrics',
    file: 'period_metrics.csv',
    dbTable: 'planning_input_period_metrics',
    required: false,
    key: ['period', 'metric'],
    columns: [
      { name: 'period', type: 'period', required: true },
      { name: 'metric', type: 'code', required: true },
      { name: 'value', type: 'decimal', required: true },
    ],
  },
  calendar: {
    name: 'calendar',
    file: 'calendar.csv',
    dbTable: 'planning_input_calendar',
    required: true,
    key: ['date'],
    columns: [
      { name: 'date', type: 'date', required: true },
      { name: 'period', type: 'period', required: true },
      { name: 'working', type: 'boolean', required: true },
      { name: 'hours', type: 'decimal', required: false, min: nonNegative },
    ],
  },
  params: {
    name: 'params',
    file: 'params.csv',
    dbTable: 'planning_input_params',
    required: true,
    key: ['key'],
    columns: [
      { name: 'key', type: 'key', required: true },
      { name: 'value', type: 'json', required: true },
    ],
  },
};

/** Every table's rows as plain strings in canonical form; optional cells are null. */
export type TRow = Record<string, string | null>;

export const PERIOD_GRANULARITIES = ['month', 'week', 'day'] as const;
export type TPeriodGranularity = (typeof PERIOD_GRANULARITIES)[number];

export const REQUIRED_PARAMS = ['horizon_start', 'horizon_periods', 'period_granularity'] as const;
