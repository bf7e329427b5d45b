import { describe, expect, it } from 'vitest';
import { ZEventsResponse, ZVerifyEventsResponse } from '@planning-hub/contracts/api/events';
import {
  DEFAULT_POLICY,
  ZChecksResponse,
  ZLabelPolicy,
  ZPutPolicyResponse,
  type TPolicyDocument,
} from '@planning-hub/contracts/api/policy';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { ZReviewResponse } from '@planning-hub/contracts/api/review';
import { API } from '@planning-hub/contracts/api/routes';
import { VALID_BUNDLE } from '@planning-hub/test-support/bundle-files';
import { importDraft } from '@planning-hub/test-support/seed-revisions';
import { serverWithUsersForFile } from '../support/server-with-users';
import type { TTestServer, TTokenCaller } from '../support/test-server';

/** Approval gates (docs/design.md section 11) over REST, against the real server and database. */
let server: TTestServer;
let reviewer: TTokenCaller;
let admin: TTokenCaller;

serverWithUsersForFile(['reviewer', 'admin'], (started) => ([server, reviewer, admin] = started));

const HEADER = 'item_code,location_code,period,quantity,uom\n';
/** The sample demand with 部品-001's demand tripled (180.50 -> 541.50 in total). */
const TRIPLED = `${HEADER}部品-001,東京,2027-01,301.50,pcs\n部品-001,東京,2027-02,240,pcs\n0123,OSAKA,2027-02,20,\n`;
/** The sample demand with a third location, 名古屋. */
const WITH_NAGOYA = `${VALID_BUNDLE['demand.csv']}部品-001,名古屋,2027-01,10,pcs\n`;
/** One item in three units of measure: 個, pcs and blank. */
const MIXED_UOM = `${HEADER}部品-001,東京,2027-01,100,個\n部品-001,東京,2027-02,80,pcs\n部品-001,OSAKA,2027-02,5,\n0123,OSAKA,2027-02,20,\n`;

function send(method: string, path: string, caller: { headers: Record<string, string> }, body: unknown) {
  return server.fetch(path, {
    method,
    headers: { ...caller.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function checksOf(ref: string) {
  const res = await server.fetch(API.checks(ref), { headers: reviewer.headers });
  expect(res.status).toBe(200);
  return ZChecksResponse.parse(await res.json());
}

async function approve(ref: string, body: Record<string, unknown> = {}) {
  return send('POST', API.review(ref), reviewer, { action: 'approve', comment: 'JIRA-17 approve', ...body });
}

/** r1 stored and approved, then r2 stored as the draft. */
async function readyThenDraft(label: string, first: Record<string, string>, second: Record<string, string>) {
  await importDraft(server.runtime.db.pool, label, { overrides: first });
  expect((await approve(`${label}@draft`)).status).toBe(200);
  const report = await importDraft(server.runtime.db.pool, label, {
    overrides: second,
    versionId: '2027-01-B',
  });
  expect(report.stored).toBe(true);
}

describe('checks when a draft is stored', () => {
  it("finds one item's demand tripled as a warning, with before, after and a message in English and Japanese", async () => {
    await readyThenDraft('gates_tripled', {}, { 'demand.csv': TRIPLED });
    const checks = await checksOf('gates_tripled@draft');
    expect(checks).toMatchObject({
      checked: true,
      comparedWith: { revision: 1, ref: 'gates_tripled@r1' },
      notice: null,
      errors: 0,
      warnings: 1,
    });
    expect(checks.findings).toEqual([
      expect.objectContaining({
        check: 'item_demand_change',
        severity: 'warning',
        table: 'demand',
        keyColumns: ['item_code'],
        keyValues: ['部品-001'],
        before: '180.5',
        after: '541.5',
        messageCode: 'check.item_demand_change',
        message:
          "Total demand of item '部品-001' went from 180.5 to 541.5 (+200.0%; the policy allows ±50%).",
      }),
    ]);
    const ja = await server.fetch(API.checks('gates_tripled@draft'), {
      headers: { ...reviewer.headers, 'accept-language': 'ja' },
    });
    // The API's message is English; the code and params give the Japanese (the SPA and the CLI render them).
    expect(ZChecksResponse.parse(await ja.json()).findings[0]?.params).toMatchObject({
      item: '部品-001',
      percent: '+200.0',
    });
    expect(checks.checks.find((c) => c.check === 'quantity_outlier')).toMatchObject({ ran: true, total: 0 });
  });

  it('finds a location that disappeared', async () => {
    await readyThenDraft('gates_location', { 'demand.csv': WITH_NAGOYA }, {});
    const checks = await checksOf('gates_location@draft');
    expect(checks.findings).toEqual([
      expect.objectContaining({
        check: 'item_location_presence',
        table: 'demand',
        keyColumns: ['location_code'],
        keyValues: ['名古屋'],
        before: '名古屋',
        after: null,
        messageCode: 'check.location_disappeared',
      }),
    ]);
  });

  it('checks the first revision on its own: uom mixed in one item, comparing checks skipped with a notice', async () => {
    await importDraft(server.runtime.db.pool, 'gates_first', { overrides: { 'demand.csv': MIXED_UOM } });
    const checks = await checksOf('gates_first@draft');
    expect(checks).toMatchObject({
      comparedWith: null,
      notice: {
        messageCode: 'check.skipped_first',
        message: "'gates_first' has no ready revision to compare with; comparing checks skipped.",
      },
      warnings: 1,
    });
    expect(checks.checks.filter((c) => !c.ran).map((c) => c.check)).toEqual([
      'row_count_change',
      'item_location_presence',
      'missing_periods',
      'item_demand_change',
      'quantity_outlier',
    ]);
    expect(checks.findings).toEqual([
      expect.objectContaining({
        check: 'mixed_uom',
        keyValues: ['部品-001'],
        after: "'', 'pcs', '個'",
        params: expect.objectContaining({ count: 3 }),
      }),
    ]);
  });

  it('finds nothing when nothing moved', async () => {
    await readyThenDraft('gates_same', {}, {});
    const checks = await checksOf('gates_same@draft');
    expect({ errors: checks.errors, warnings: checks.warnings, findings: checks.findings }).toEqual({
      errors: 0,
      warnings: 0,
      findings: [],
    });
  });
});

describe('approving with findings', () => {
  it('needs the acknowledgement for warnings, and the approve event records the finding ids acknowledged', async () => {
    await readyThenDraft('gates_ack', {}, { 'demand.csv': TRIPLED });
    const refused = await approve('gates_ack@draft');
    expect(refused.status).toBe(409);
    expect(ZProblemDetails.parse(await refused.json())).toMatchObject({
      messageCode: 'error.review.needs_check_acknowledgement',
    });

    const findingIds = (await checksOf('gates_ack@draft')).findings.map((f) => f.id);
    const res = await approve('gates_ack@draft', { acknowledge_warnings: true });
    expect(res.status).toBe(200);
    const approveEvent = ZReviewResponse.parse(await res.json()).events.find((e) => e.action === 'approve');
    expect(approveEvent?.metadata).toMatchObject({
      acknowledged_warnings: true,
      acknowledged_findings: findingIds,
      check_findings: { errors: 0, warnings: 1 },
    });
    expect(findingIds).toHaveLength(1);
  });

  it('refuses findings of severity error with 409, whatever is acknowledged', async () => {
    const policy: TPolicyDocument = {
      ...DEFAULT_POLICY,
      checks: {
        ...DEFAULT_POLICY.checks,
        item_demand_change: { enabled: true, severity: 'error', threshold_percent: 50 },
      },
    };
    expect((await send('PUT', API.policy('gates_error'), admin, policy)).status).toBe(200);
    await readyThenDraft('gates_error', {}, { 'demand.csv': TRIPLED });
    const res = await server.fetch(API.review('gates_error@draft'), {
      method: 'POST',
      headers: { ...reviewer.headers, 'content-type': 'application/json', 'accept-language': 'ja' },
      body: JSON.stringify({ action: 'approve', comment: 'JIRA-17', acknowledge_warnings: true }),
    });
    expect(res.status).toBe(409);
    const problem = ZProblemDetails.parse(await res.json());
    expect(problem).toMatchObject({ messageCode: 'error.review.check_errors', params: { count: 1 } });
    expect(problem.detail).toContain('エラー');
    const { rows } = await server.runtime.db.pool.query(
      "SELECT status FROM planning_input_sets WHERE label = 'gates_error' AND revision = 2",
    );
    expect(rows[0]).toEqual({ status: 'draft' });
  });
});

describe('GET and PUT /api/plans/input_sets/{label}/policy', () => {
  it('answers the default policy for a label without one, stores versions as an admin with a policy_update event on the chain', async () => {
    const before = ZLabelPolicy.parse(
      await (await server.fetch(API.policy('gates_policy'), { headers: reviewer.headers })).json(),
    );
    expect(before).toEqual({
      label: 'gates_policy',
      version: 0,
      isDefault: true,
      updatedAt: null,
      updatedBy: null,
      policy: DEFAULT_POLICY,
    });

    const changed: TPolicyDocument = {
      ...DEFAULT_POLICY,
      diff_tolerance: { demand: { quantity: { relative: 0.5 } } },
    };
    expect((await send('PUT', API.policy('gates_policy'), reviewer, changed)).status).toBe(403);
    const res = await send('PUT', API.policy('gates_policy'), admin, changed);
    expect(res.status).toBe(200);
    const stored = ZPutPolicyResponse.parse(await res.json());
    expect(stored).toMatchObject({
      version: 1,
      isDefault: false,
      updatedBy: admin.username,
      policy: changed,
    });
    expect(stored.event).toMatchObject({
      action: 'policy_update',
      principal: admin.username,
      revision: null,
      metadata: { previous_version: 0, version: 1 },
    });

    const after = ZLabelPolicy.parse(
      await (await server.fetch(API.policy('gates_policy'), { headers: reviewer.headers })).json(),
    );
    expect(after).toMatchObject({ version: 1, policy: changed });

    await importDraft(server.runtime.db.pool, 'gates_policy');
    const events = ZEventsResponse.parse(
      await (await server.fetch(API.events('gates_policy'), { headers: reviewer.headers })).json(),
    );
    expect(events.events.map((e) => e.action)).toEqual(['upload', 'policy_update']);
    const verdict = ZVerifyEventsResponse.parse(
      await (await server.fetch(API.eventsVerify('gates_policy'), { headers: reviewer.headers })).json(),
    );
    expect(verdict.ok).toBe(true);
  });

  it('refuses a document that is not a policy with 400, naming the field', async () => {
    const res = await send('PUT', API.policy('gates_bad'), admin, {
      ...DEFAULT_POLICY,
      checks: { ...DEFAULT_POLICY.checks, row_count: {} },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('row_count');
  });
});
