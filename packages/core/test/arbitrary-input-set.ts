/**
 * fast-check arbitraries for valid input sets (docs/design.md section 2), in canonical
 * form, and a writer that turns one into bundle files the way people and tools
 * write them: columns in any order, rows shuffled, `100.50` for `100.5`, `TRUE`
 * for `true`, CRLF or LF, a BOM or not, params as JSON or CSV, or the whole set as
 * input_set.json. Shared by the core round-trip properties and the server's diff
 * properties (packages/server/test/reliability).
 */
import fc from 'fast-check';
import {
  TABLE_NAMES,
  TABLE_SPECS,
  type TPeriodGranularity,
  type TRow,
  type TTableName,
} from '@planning-hub/contracts/tables';
import { formatCsvRow } from '../src/csv/format-csv-row';
import { createSeededRandom } from '../src/generate/seeded-random';
import { canonicalParamValue } from '../src/values/check-json-value';

export type TDataTable = Exclude<TTableName, 'params'>;
export type TArbitraryInputSet = {
  granularity: TPeriodGranularity;
  params: Record<string, unknown>;
  tables: Record<TDataTable, TRow[]>;
};

export const DATA_TABLES = TABLE_NAMES.filter((t): t is TDataTable => t !== 'params');

const PERIODS: Record<TPeriodGranularity, readonly string[]> = {
  month: ['2027-01', '2027-02', '2027-12'],
  week: ['2027-W01', '2027-W52', '2026-W53'],
  day: ['2027-01-04', '2027-02-28', '2028-02-29'],
};
/** One calendar day per period is always there, so every period of the set is in the calendar. */
export const PERIOD_DAYS = ['2027-01-04', '2027-01-05', '2027-01-06'];
const OTHER_DAYS = [
  '2026-12-31',
  '2027-01-01',
  '2027-02-28',
  '2027-03-01',
  '2027-12-31',
  '2028-02-29',
  '2030-06-15',
];

/** Letters (incl. Japanese, half-width kana, an astral CJK letter), digits and `_ . / :`; `-` after the first. */
const CODE_FIRST = [
  'A',
  'Z',
  'a',
  'z',
  '0',
  '7',
  '_',
  '.',
  '/',
  ':',
  '部',
  '品',
  '東',
  '京',
  'ｱ',
  'é',
  'Ω',
  '𠮷',
  '１',
];
const CODE_REST = [...CODE_FIRST, '-'];
/** Free text may hold what CSV must quote, and formula characters after the first. */
const TEXT_FIRST = ['p', 'c', 's', '個', 'k', 'g', ' ', ',', '"', "'", '(', '.', '%'];
const TEXT_REST = [...TEXT_FIRST, '=', '+', '-', '@', ')'];

export const arbitraryCode: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...CODE_FIRST), fc.array(fc.constantFrom(...CODE_REST), { maxLength: 12 }))
  .map(([first, rest]) => first + rest.join(''));

const arbitraryText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...TEXT_FIRST), fc.array(fc.constantFrom(...TEXT_REST), { maxLength: 10 }))
  .map(([first, rest]) => first + rest.join(''));

type TSign = 'nonNegative' | 'positive' | 'any';

/** A canonical decimal: up to 15 integer digits and 6 decimals, no trailing zeros, `0` never negative. */
export function arbitraryDecimal(sign: TSign): fc.Arbitrary<string> {
  return fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), fc.boolean())
    .map(([units, scale, isNegative]) => {
      const digits = units.toString().padStart(scale + 1, '0');
      const integer = scale === 0 ? digits : digits.slice(0, -scale);
      const fraction = scale === 0 ? '' : digits.slice(-scale).replace(/0+$/, '');
      const magnitude = fraction ? `${integer}.${fraction}` : integer;
      return sign === 'any' && isNegative && magnitude !== '0' ? `-${magnitude}` : magnitude;
    })
    .filter((value) => sign !== 'positive' || value !== '0');
}

/** Shares of one resource: `count` canonical decimals > 0 with 6 decimals that sum to exactly 1. */
function sharesOf(weights: readonly number[], count: number): string[] {
  const used = weights.slice(0, count);
  const total = used.reduce((a, b) => a + b, 0);
  const units = used.map((w) => Math.max(1, Math.floor((w * 1_000_000) / total)));
  units[0]! += 1_000_000 - units.reduce((a, b) => a + b, 0);
  return units.map((u) => (u === 1_000_000 ? '1' : `0.${String(u).padStart(6, '0').replace(/0+$/, '')}`));
}

const keyOf = (table: TTableName) => (row: TRow) => TABLE_SPECS[table].key.map((k) => row[k]).join('\u0001');

const arbitraryParamValue = fc
  .jsonValue({ maxDepth: 3 })
  .filter((value) => 'text' in canonicalParamValue(value));

/** A valid input set: every rule of docs/design.md section 3 holds (warnings may occur). */
export function arbitraryInputSet({
  maxRows = 10,
  granularity,
}: { maxRows?: number; granularity?: TPeriodGranularity } = {}): fc.Arbitrary<TArbitraryInputSet> {
  return fc
    .record({
      granularity: granularity
        ? fc.constant(granularity)
        : fc.constantFrom<TPeriodGranularity>('month', 'week', 'day'),
      resources: fc.uniqueArray(arbitraryCode, { minLength: 1, maxLength: 3 }),
      items: fc.uniqueArray(arbitraryCode, { minLength: 1, maxLength: 5 }),
      locations: fc.uniqueArray(arbitraryCode, { minLength: 1, maxLength: 3 }),
    })
    .chain(({ granularity: chosen, resources, items, locations }) => {
      const periods = PERIODS[chosen];
      const period = fc.constantFrom(...periods);
      const item = fc.oneof(fc.constantFrom(...items), arbitraryCode);
      const location = fc.constantFrom(...locations);
      const rows = <T extends TRow>(table: TTableName, row: fc.Arbitrary<T>, minLength = 0) =>
        fc.uniqueArray(row, { selector: keyOf(table), minLength, maxLength: maxRows });
      const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });

      const capacity = fc.tuple(
        ...resources.map((resource) =>
          fc.subarray([...periods], { minLength: 1 }).chain((used) =>
            fc.tuple(
              ...used.map((p) =>
                arbitraryDecimal('nonNegative').map((hours) => ({
                  resource_code: resource,
                  period: p,
                  available_hours: hours,
                })),
              ),
            ),
          ),
        ),
      );
      const mix = fc.tuple(
        ...resources.map((resource) =>
          fc
            .tuple(
              fc.subarray(items, { minLength: 1 }),
              fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 5, maxLength: 5 }),
            )
            .chain(([mixItems, weights]) => {
              const shares = sharesOf(weights, mixItems.length);
              return fc.tuple(
                ...mixItems.map((code, i) =>
                  arbitraryDecimal('positive').map((rate) => ({
                    resource_code: resource,
                    item_code: code,
                    share: shares[i]!,
                    units_per_hour: rate,
                  })),
                ),
              );
            }),
        ),
      );
      const calendar = fc
        .tuple(
          fc.tuple(
            ...periods.map(() =>
              fc.record({ working: fc.boolean(), hours: optional(arbitraryDecimal('nonNegative')) }),
            ),
          ),
          rows(
            'calendar',
            fc.record({
              date: fc.constantFrom(...OTHER_DAYS),
              period,
              working: fc.boolean().map(String),
              hours: optional(arbitraryDecimal('nonNegative')),
            }),
          ),
        )
        .map(([forced, others]) => [
          ...forced.map(({ working, hours }, i) => ({
            date: PERIOD_DAYS[i]!,
            period: periods[i]!,
            working: String(working),
            hours,
          })),
          ...others,
        ]);
      const params = fc
        .tuple(
          fc.integer({ min: 1, max: 520 }),
          fc.dictionary(
            arbitraryCode.filter(
              (k) => !['horizon_start', 'horizon_periods', 'period_granularity'].includes(k),
            ),
            arbitraryParamValue,
            { maxKeys: 3 },
          ),
        )
        .map(([horizonPeriods, extra]) => ({
          ...extra,
          horizon_start: periods[0]!,
          horizon_periods: horizonPeriods,
          period_granularity: chosen,
        }));

      return fc.record({
        granularity: fc.constant(chosen),
        params,
        tables: fc.record({
          demand: rows(
            'demand',
            fc.record({
              item_code: item,
              location_code: location,
              period,
              quantity: arbitraryDecimal('nonNegative'),
              uom: optional(arbitraryText),
            }),
          ),
          capacity: capacity.map((perResource) => perResource.flat()),
          mix: mix.map((perResource) => perResource.flat()),
          inventory: rows(
            'inventory',
            fc.record({
              item_code: item,
              location_code: location,
              on_hand: arbitraryDecimal('nonNegative'),
              safety_stock: arbitraryDecimal('nonNegative'),
            }),
          ),
          inbound: rows(
            'inbound',
            fc.record({
              item_code: item,
              location_code: location,
              period,
              reference: arbitraryCode,
              quantity: arbitraryDecimal('positive'),
            }),
          ),
          period_metrics: rows(
            'period_metrics',
            fc.record({ period, metric: arbitraryCode, value: arbitraryDecimal('any') }),
          ),
          calendar,
        }),
      });
    });
}

/** The params as rows of the params table, values as JSON text (canonicalised by the hash). */
export function paramRows(params: Record<string, unknown>): TRow[] {
  return Object.entries(params).map(([key, value]) => ({ key, value: JSON.stringify(value) }));
}

/** All eight tables of the set, as hashTables takes them. */
export function tablesOf(set: TArbitraryInputSet): Record<TTableName, TRow[]> {
  return { ...set.tables, params: paramRows(set.params) };
}

/** Another way to write a canonical decimal that means the same number. */
function writtenDecimal(value: string, next: () => number): string {
  const choice = Math.floor(next() * 4);
  const negative = value.startsWith('-');
  const magnitude = negative ? value.slice(1) : value;
  let written = magnitude;
  if (choice === 1) written = magnitude.includes('.') ? `${magnitude}00` : `${magnitude}.0`;
  else if (choice === 2) written = `00${magnitude}`;
  else if (choice === 3 && magnitude.startsWith('0.')) written = magnitude.slice(1);
  return negative ? `-${written}` : written;
}

function writtenBoolean(value: string, next: () => number): string {
  const forms = value === 'true' ? ['true', 'TRUE', 'True', '1'] : ['false', 'FALSE', 'False', '0'];
  return forms[Math.floor(next() * forms.length)]!;
}

function writtenCell(
  table: TTableName,
  column: string,
  value: string | null,
  next: () => number,
): string | null {
  const spec = TABLE_SPECS[table].columns.find((c) => c.name === column)!;
  if (value === null) return null;
  if (spec.type === 'decimal') {
    // An optional column's default may be left empty.
    if (spec.defaultValue === value && next() < 0.3) return null;
    return writtenDecimal(value, next);
  }
  if (spec.type === 'boolean') return writtenBoolean(value, next);
  return value;
}

function shuffled<T>(values: readonly T[], next: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function csvFile(table: TTableName, rows: readonly TRow[], next: () => number): string {
  const columns = shuffled(
    TABLE_SPECS[table].columns.map((c) => c.name),
    next,
  );
  const newline = next() < 0.5 ? '\n' : '\r\n';
  const lines = [formatCsvRow(columns)];
  for (const row of shuffled(rows, next)) {
    lines.push(formatCsvRow(columns.map((c) => writtenCell(table, c, row[c] ?? null, next))));
  }
  const bom = next() < 0.2 ? '\uFEFF' : '';
  return bom + lines.join(newline) + (next() < 0.8 ? newline : '');
}

/**
 * The set as the files of one bundle, written in the style `seed` picks. Every
 * style reads back as the same canonical content.
 */
export function writeBundleFiles(set: TArbitraryInputSet, seed: number): Record<string, string> {
  const next = createSeededRandom(seed);
  if (next() < 0.2) return { 'input_set.json': writeJsonBundle(set, next) };
  const files: Record<string, string> = {};
  for (const table of DATA_TABLES) {
    const rows = set.tables[table];
    if (rows.length === 0 && !TABLE_SPECS[table].required && next() < 0.5) continue;
    files[TABLE_SPECS[table].file] = csvFile(table, rows, next);
  }
  if (next() < 0.5) files['params.json'] = JSON.stringify(set.params, null, 2);
  else files['params.csv'] = csvFile('params', paramRows(set.params), next);
  return files;
}

function writeJsonBundle(set: TArbitraryInputSet, next: () => number): string {
  const tables = Object.fromEntries(
    DATA_TABLES.map((table) => [
      table,
      shuffled(set.tables[table], next).map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, value]) => {
            const type = TABLE_SPECS[table].columns.find((c) => c.name === column)!.type;
            // JSON numbers are exact to 15 significant digits; longer decimals go as strings.
            if (type === 'decimal' && value !== null && String(Number(value)) === value && next() < 0.5)
              return [column, Number(value)];
            if (type === 'boolean' && value !== null && next() < 0.5) return [column, value === 'true'];
            return [column, value];
          }),
        ),
      ),
    ]),
  );
  return JSON.stringify({ tables, params: set.params });
}
