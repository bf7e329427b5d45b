import { describe, expect, it } from 'vitest';
import {
  BROWSER_EDIT_LIMITS,
  ZImportReport,
  type TBrowserEdit,
} from '@planning-hub/contracts/api/input-sets';
import { ZEventsResponse, ZVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { serverWithUsersForFile } from '../support/server-with-users';
import type { TTestServer, TTokenCaller } from '../support/test-server';

/**
 * The `edits` field of an upload: the cells a planner changed in the browser's fix grid,
 * kept in the upload event's metadata as `browser_edits` (docs/design.md section 3), so
 * the event says the stored files are the dropped ones with these cells changed.
 */

const FIXED_DEMAND =
  'item_code,location_code,period,quantity,uom\n部品-001,東京,2027-01,120,pcs\n0123,OSAKA,2027-02,1234,\n';
const EDITS: TBrowserEdit[] = [
  { file: 'demand.csv', row: 2, column: 'quantity', before: '１２０', after: '120' },
  { file: 'demand.csv', row: 3, column: 'quantity', before: '1,234', after: '1234' },
];

let server: TTestServer;
let planner: TTokenCaller;

serverWithUsersForFile(['planner'], (started) => ([server, planner] = started));

function uploadWithEdits(label: string, edits: string) {
  return server.fetch(API.upload(label), {
    method: 'POST',
    headers: planner.headers,
    body: bundleFormData({ version_id: 'fixed-in-browser', edits }, { 'demand.csv': FIXED_DEMAND }),
  });
}

async function latestEventMetadata(label: string): Promise<Record<string, unknown> | null> {
  const { rows } = await server.runtime.db.pool.query(
    'SELECT metadata FROM planning_input_set_events WHERE label = $1 ORDER BY id DESC LIMIT 1',
    [label],
  );
  return rows[0]?.metadata ?? null;
}

async function countEvents(label: string): Promise<number> {
  const { rows } = await server.runtime.db.pool.query(
    'SELECT count(*)::int AS n FROM planning_input_set_events WHERE label = $1',
    [label],
  );
  return rows[0].n;
}

describe('POST /api/plans/input_sets/{label}/upload with edits', () => {
  it('keeps every edited cell (file, row, column, before, after) in the upload event as browser_edits', async () => {
    const res = await uploadWithEdits('edited_in_browser', JSON.stringify(EDITS));
    expect(res.status).toBe(201);
    expect(ZImportReport.parse(await res.json())).toMatchObject({ ok: true, stored: true });
    expect(await latestEventMetadata('edited_in_browser')).toMatchObject({
      browser_edits: EDITS,
      version_id: 'fixed-in-browser',
    });
  });

  it('shows the edits in the events list, and the hash chain still verifies', async () => {
    const list = ZEventsResponse.parse(
      await (await server.fetch(API.events('edited_in_browser'), { headers: planner.headers })).json(),
    );
    expect(list.events[0]).toMatchObject({ action: 'upload', metadata: { browser_edits: EDITS } });
    const verdict = ZVerifyEventsResponse.parse(
      await (await server.fetch(API.eventsVerify('edited_in_browser'), { headers: planner.headers })).json(),
    );
    expect(verdict).toMatchObject({ ok: true, checked: 1 });
  });

  it('writes no browser_edits when none were sent, or an empty list', async () => {
    expect((await uploadWithEdits('edited_in_browser', '[]')).status).toBe(201);
    expect(await latestEventMetadata('edited_in_browser')).not.toHaveProperty('browser_edits');
  });

  it('takes 10,000 edits, the most one upload may carry', async () => {
    const edits = Array.from({ length: BROWSER_EDIT_LIMITS.maxEdits }, (_, i) => ({
      file: 'demand.csv',
      row: i + 2,
      column: 'quantity',
      before: `${i},0`,
      after: `${i}0`,
    }));
    expect((await uploadWithEdits('many_edits', JSON.stringify(edits))).status).toBe(201);
    expect(((await latestEventMetadata('many_edits'))?.browser_edits as unknown[]).length).toBe(
      BROWSER_EDIT_LIMITS.maxEdits,
    );
  });

  it.each([
    ['not JSON', '[{"file": "demand.csv",', /edits: is not valid JSON/],
    ['not a list', '{"file": "demand.csv"}', /edits/],
    [
      'one edit more than 10,000',
      JSON.stringify(Array.from({ length: BROWSER_EDIT_LIMITS.maxEdits + 1 }, () => EDITS[0])),
      /edits/,
    ],
    [
      'a value over 1,000 characters',
      JSON.stringify([{ ...EDITS[0], after: '1'.repeat(1001) }]),
      /edits\.0\.after/,
    ],
    ['the header row', JSON.stringify([{ ...EDITS[0], row: 1 }]), /edits\.0\.row/],
    ['a field more', JSON.stringify([{ ...EDITS[0], note: 'x' }]), /edits\.0/],
    ['a NUL character', JSON.stringify([{ ...EDITS[0], after: '1\u00002' }]), /edits\.0\.after/],
    ['half a surrogate pair', JSON.stringify([{ ...EDITS[0], before: '\ud83d' }]), /edits\.0\.before/],
  ])('refuses edits that are %s with 400, storing nothing', async (_case, edits, detail) => {
    const eventsBefore = await countEvents('refused_edits');
    const res = await uploadWithEdits('refused_edits', edits);
    expect(res.status).toBe(400);
    expect(ZProblemDetails.parse(await res.json()).detail).toMatch(detail);
    expect(await countEvents('refused_edits')).toBe(eventsBefore);
  });

  it('refuses an edits field past 4 MiB with 413', async () => {
    const value = 'x'.repeat(BROWSER_EDIT_LIMITS.maxValueLength);
    const edits = Array.from({ length: 2_200 }, (_, i) => ({
      file: 'demand.csv',
      row: i + 2,
      column: 'uom',
      before: value,
      after: value,
    }));
    const res = await uploadWithEdits('refused_edits', JSON.stringify(edits));
    expect(res.status).toBe(413);
    expect(ZProblemDetails.parse(await res.json()).detail).toMatch(/edits/);
  });
});
