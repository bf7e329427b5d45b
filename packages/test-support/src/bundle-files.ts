import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A small valid monthly bundle, as a planner would export it from a spreadsheet:
 * Japanese codes, a leading-zero item code, 100.50 written with a trailing zero.
 * `overrides` replaces whole files (null removes one).
 */
export const VALID_BUNDLE: Record<string, string> = {
  'params.json': JSON.stringify({
    horizon_start: '2027-01',
    horizon_periods: 2,
    period_granularity: 'month',
    planner: '山田',
  }),
  'calendar.csv':
    'date,period,working,hours\n2027-01-04,2027-01,true,8\n2027-01-09,2027-01,false,0\n2027-02-01,2027-02,true,8\n',
  'capacity.csv': 'resource_code,period,available_hours\nR1,2027-01,160\nR1,2027-02,150.50\n',
  'mix.csv': 'resource_code,item_code,share,units_per_hour\nR1,部品-001,0.6,10\nR1,0123,0.4,12\n',
  'demand.csv':
    'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,100.50,pcs\n部品-001,東京,2027-02,80,pcs\n0123,OSAKA,2027-02,20,\n',
  'inventory.csv': 'item_code,location_code,on_hand,safety_stock\n部品-001,東京,5,1\n',
  'inbound.csv': 'item_code,location_code,period,reference,quantity\n0123,OSAKA,2027-01,PO-1,10\n',
  'period_metrics.csv': 'period,metric,value\n2027-01,fx_rate,151.25\n',
};

export async function writeBundle(
  overrides: Record<string, string | null> = {},
  dir?: string,
): Promise<string> {
  const target = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'bundle-')));
  await mkdir(target, { recursive: true });
  const files = { ...VALID_BUNDLE, ...overrides };
  for (const [name, content] of Object.entries(files)) {
    if (content !== null) await writeFile(path.join(target, name), content);
  }
  return target;
}

/** The bundle as multipart form data, as the browser's upload form sends it. */
export function bundleFormData(
  fields: Record<string, string>,
  overrides: Record<string, string | null> = {},
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, content] of Object.entries({ ...VALID_BUNDLE, ...overrides })) {
    if (content !== null) form.append('files', new Blob([content]), name);
  }
  return form;
}
