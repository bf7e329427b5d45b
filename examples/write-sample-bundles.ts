/**
 * Writes examples/sample-bundle (UTF-8, LF) and examples/sample-bundle-sjis
 * (Shift_JIS with CRLF line ends, as Excel in Japan saves "CSV") from the same
 * tables, so both import to the same content hash. Run: npx tsx examples/write-sample-bundles.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeText } from '../packages/planner-files/src/encode-text';
import { formatCsvRow } from '../packages/core/src/csv/format-csv-row';
import { isoWeekOf } from '../packages/core/src/values/iso-week';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEEKS = [
  '2027-W01',
  '2027-W02',
  '2027-W03',
  '2027-W04',
  '2027-W05',
  '2027-W06',
  '2027-W07',
  '2027-W08',
];
const HOLIDAYS = new Set(['2027-01-11', '2027-02-11']); // 成人の日, 建国記念の日

function calendarRows(): string[][] {
  const rows: string[][] = [['date', 'period', 'working', 'hours']];
  for (let day = 0; day < 56; day++) {
    const date = new Date(Date.UTC(2027, 0, 4 + day));
    const text = date.toISOString().slice(0, 10);
    const weekday = date.getUTCDay();
    const isWorking = weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(text);
    rows.push([
      text,
      isoWeekOf(date),
      isWorking ? 'true' : 'false',
      isWorking ? (weekday === 5 ? '7.5' : '8') : '',
    ]);
  }
  return rows;
}

const demandPlan: [string, string, string, number[]][] = [
  ['部品-001', '東京DC', '個', [120, 135, 110, 150]],
  ['部品-001', '大阪DC', '個', [80, 75, 90, 85.5]],
  ['部品-002', '東京DC', '個', [60, 64, 58, 70]],
  ['製品-A100', '東京DC', 'pcs', [40, 42, 45, 38]],
  ['製品-A100', 'NAGOYA-01', 'pcs', [25, 30, 20, 28]],
  ['製品-B200', '大阪DC', 'pcs', [15, 18, 16, 21]],
  ['0123', '東京DC', 'kg', [250.25, 240, 260.75, 255]],
  ['0123', 'NAGOYA-01', 'kg', [100, 110.5, 95, 105]],
];

function demandRows(): string[][] {
  const rows: string[][] = [['item_code', 'location_code', 'period', 'quantity', 'uom']];
  for (const [item, location, uom, quantities] of demandPlan) {
    quantities.forEach((quantity, week) =>
      rows.push([item, location, WEEKS[week * 2]!, String(quantity), uom]),
    );
  }
  return rows;
}

function capacityRows(): string[][] {
  const rows: string[][] = [['resource_code', 'period', 'available_hours']];
  const hours: Record<string, number> = { ライン1: 80, ライン2: 120, 'ASSY-03': 37.5 };
  for (const resource of Object.keys(hours)) {
    for (const week of WEEKS) {
      const isShortWeek = week === '2027-W02' || week === '2027-W06';
      rows.push([resource, week, String(isShortWeek ? hours[resource]! * 0.8 : hours[resource]!)]);
    }
  }
  return rows;
}

const mixRows = [
  ['resource_code', 'item_code', 'share', 'units_per_hour'],
  ['ライン1', '部品-001', '0.6', '12'],
  ['ライン1', '部品-002', '0.4', '9.5'],
  ['ライン2', '製品-A100', '0.5', '4'],
  ['ライン2', '製品-B200', '0.25', '3.2'],
  ['ライン2', '0123', '0.25', '40'],
  ['ASSY-03', '製品-A100', '1', '2.5'],
];

const inventoryRows = [
  ['item_code', 'location_code', 'on_hand', 'safety_stock'],
  ['部品-001', '東京DC', '300', '100'],
  ['部品-001', '大阪DC', '140', '50'],
  ['部品-002', '東京DC', '95', ''],
  ['製品-A100', '東京DC', '60', '20'],
  ['製品-A100', 'NAGOYA-01', '35', '10'],
  ['製品-B200', '大阪DC', '12.5', '5'],
  ['0123', '東京DC', '480', '200'],
  ['0123', 'NAGOYA-01', '150', '0'],
];

const inboundRows = [
  ['item_code', 'location_code', 'period', 'reference', 'quantity'],
  ['部品-001', '東京DC', '2027-W02', 'PO-2027-0001', '200'],
  ['部品-001', '大阪DC', '2027-W03', 'PO-2027-0002', '100'],
  ['部品-002', '東京DC', '2027-W04', 'PO-2027-0003', '120'],
  ['製品-A100', '東京DC', '2027-W02', '入庫予定/0042', '50'],
  ['製品-A100', 'NAGOYA-01', '2027-W05', 'PO-2027-0004', '40'],
  ['製品-B200', '大阪DC', '2027-W03', 'PO-2027-0005', '30'],
  ['0123', '東京DC', '2027-W06', 'PO-2027-0006', '500.5'],
  ['0123', '東京DC', '2027-W06', 'PO-2027-0007', '120'],
];

function periodMetricRows(): string[][] {
  const rows: string[][] = [['period', 'metric', 'value']];
  WEEKS.forEach((week, index) => {
    rows.push([week, 'fx_usd_jpy', (151.2 + index * 0.35).toFixed(2)]);
    rows.push([week, '稼働率目標', '0.85']);
  });
  return rows;
}

const params = {
  horizon_start: '2027-W01',
  horizon_periods: 8,
  period_granularity: 'week',
  service_level: 0.95,
  planner: '需給計画チーム',
  notes: { source: 'sample bundle', currency: 'JPY' },
};

const tables: Record<string, string[][]> = {
  'calendar.csv': calendarRows(),
  'demand.csv': demandRows(),
  'capacity.csv': capacityRows(),
  'mix.csv': mixRows,
  'inventory.csv': inventoryRows,
  'inbound.csv': inboundRows,
  'period_metrics.csv': periodMetricRows(),
};

function writeBundle(folder: string, encode: (text: string) => Uint8Array, lineEnd: string): void {
  const dir = path.join(here, folder);
  mkdirSync(dir, { recursive: true });
  for (const [file, rows] of Object.entries(tables)) {
    const text =
      rows.map((row) => formatCsvRow(row.map((cell) => (cell === '' ? null : cell)))).join(lineEnd) + lineEnd;
    const bytes = encode(text);
    if (
      new TextDecoder(folder.endsWith('sjis') ? 'shift_jis' : 'utf-8', { fatal: true }).decode(bytes) !== text
    ) {
      throw new Error(`${folder}/${file} does not decode back to its text`);
    }
    writeFileSync(path.join(dir, file), bytes);
  }
  writeFileSync(path.join(dir, 'params.json'), encode(`${JSON.stringify(params, null, 2)}\n`));
}

writeBundle('sample-bundle', (text) => new TextEncoder().encode(text), '\n');
writeBundle('sample-bundle-sjis', (text) => encodeText(text, 'shift_jis'), '\r\n');
console.log('wrote examples/sample-bundle and examples/sample-bundle-sjis');
