import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_SET_OPERATIONS } from '@planning-hub/contracts/api/operations/input-sets';
import { LIST_DEFAULT_LIMIT } from '../src/commands/list-defaults';
import { cliWorkspace, type TCliWorkspace } from './support/planning';

/**
 * Option values are parsed with the schema of the request they fill
 * (packages/contracts/src/api/operations) before anything is sent: a server that only
 * counts requests sees none of them.
 */
let server: Server;
let requests = 0;
let cli: TCliWorkspace;
let cliJa: TCliWorkspace;

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests += 1;
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const env = {
    PLANNING_HUB_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    PLANNING_HUB_TOKEN: 'ph_00000000_not-a-real-token',
  };
  cli = await cliWorkspace({ env });
  cliJa = await cliWorkspace({ env: { ...env, LANG: 'ja_JP.UTF-8' } });
});
afterAll(async () => {
  await cli?.cleanup();
  await cliJa?.cleanup();
  await new Promise((resolve) => server?.close(resolve));
});

const WHAT_MOVED = ['export', '--label', 'weekly@draft', '--diff-against', 'weekly', '--by', 'item_code'];

const refusals: [string[], string][] = [
  [['list', '--limit', '5000'], '--limit: 5000 is more than 1000.'],
  [['list', '--limit', 'many'], "--limit: 'many' is not a number."],
  [['events', '--label', 'weekly', '--limit', '0'], '--limit: 0 is less than 1.'],
  [['runs', 'list', '--limit', '2.5'], "--limit: '2.5' is not a whole number."],
  [['tokens', 'revoke', '--id', 'x'], "--id: 'x' is not a number."],
  [
    ['import', '-i', '.', '--label', 'Weekly Refresh', '--version-id', '2027-W01'],
    "--label: 'Weekly Refresh': A label is 1-63 characters",
  ],
  [['import', '-i', '.', '--label', 'weekly', '--version-id', ''], '--version-id:'],
  [['review', '--label', 'weekly@draft', '--action', 'approve', '--comment', ' '], '--comment: give a value'],
  [
    [...WHAT_MOVED, '--table', 'orders'],
    "--table: 'orders' is not one of demand, capacity, inventory, inbound.",
  ],
  [[...WHAT_MOVED, '--top', '5000'], '--top: 5000 is more than 1000.'],
  [
    ['export', '--label', 'weekly@draft', '--diff-against', 'weekly@latest'],
    "--diff-against: 'weekly@latest':",
  ],
  [['plans', 'create', '--name', 'p', '--label', 'No Such'], "--label: 'No Such':"],
];

describe('options parsed by the contracts', () => {
  it.each(refusals)('refuses planning %j before sending anything', async (args, message) => {
    const before = requests;
    const run = await cli.planning(...args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: ${message}`);
    expect(requests).toBe(before);
  });

  it("says it in the user's language, with the allowed values of an enum", async () => {
    const run = await cliJa.planning(...WHAT_MOVED, '--table', 'orders');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'エラー: --table: 「orders」は指定できません。demand, capacity, inventory, inbound のいずれかを指定してください。',
    );
    const limit = await cliJa.planning('list', '--limit', '5000');
    expect(limit.stderr).toContain('--limit: 5000 は上限の 1000 を超えています。');
    expect(requests).toBe(0);
  });

  it('sends what passes (the request reaches the server)', async () => {
    const run = await cli.planning('list', '--limit', '5');
    expect(run.code).toBe(1);
    expect(requests).toBe(1);
  });
});

describe('planning list with no option', () => {
  it('sends its default --limit unparsed, as the contract parses it (actions/list.ts)', () => {
    const query = INPUT_SET_OPERATIONS.listInputSets.query.parse({ limit: LIST_DEFAULT_LIMIT });
    expect(String(query.limit)).toBe(LIST_DEFAULT_LIMIT);
    expect([query.status, query.search]).toEqual([undefined, undefined]);
  });
});
