import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace, type TCliWorkspace } from './support/planning';

/**
 * `planning list` checks its answer by the JSON Schema of ZListInputSetsResponse
 * (src/api/answer-schema.ts) and, when that refuses it, by the zod schema itself: the
 * error names the field in zod's words, as before the JSON Schema check.
 */
let answer = '';
let server: Server;
let cli: TCliWorkspace;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cli = await cliWorkspace({
    env: { PLANNING_HUB_URL: url, PLANNING_HUB_TOKEN: 'ph_00000000_not-a-real-token' },
  });
});
afterAll(async () => {
  await cli?.cleanup();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the answer of planning list', () => {
  it('is refused with the field and zod’s words when it does not match', async () => {
    answer = JSON.stringify({ items: [{ id: 1 }], total: 1, nextOffset: null });
    const run = await cli.planning('list');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('(items.0.label: Invalid input: expected string, received undefined).');
    expect(run.stderr).toContain('hint: Use the CLI of the same checkout or release as the server.');
  });

  it('is printed with its keys in the contract’s order, unknown keys dropped', async () => {
    answer = JSON.stringify({ nextOffset: null, total: 0, items: [], extra: 1 });
    const run = await cli.planning('list', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ items: [], total: 0, nextOffset: null });
    expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(['items', 'total', 'nextOffset']);
  });
});
