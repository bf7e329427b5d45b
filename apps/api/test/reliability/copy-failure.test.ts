import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { API } from '@planning-hub/contracts/api/routes';
import { bundleFormData } from '@planning-hub/test-support/bundle-files';
import { buildApp } from '../../src/build-app';
import { listenOnFreePort, type TListeningApp } from '../support/listen';
import { startTestServer, type TTestServer, type TTokenCaller } from '../support/test-server';

/**
 * A failure outside the database while an upload's COPY is open: here the COPY stream
 * itself throws on its second write (standing for any bug in the row sink), through a
 * pool the test hands to the API in place of the real one. The COPY used to stay open,
 * the ROLLBACK queued behind it for ever, the request never ended and the label stayed
 * locked. packages/server/test/input-sets/copy-failure.test.ts does the same with a
 * file that fails mid-import.
 */

let server: TTestServer;
let failing: TListeningApp;
let planner: TTokenCaller;
let isArmed = false;

/** The real pool, except that while armed a COPY FROM's second write throws. */
function poolFailingMidCopy(pool: pg.Pool): pg.Pool {
  const wrapClient = (client: pg.PoolClient): pg.PoolClient =>
    new Proxy(client, {
      get(target, prop) {
        if (prop !== 'query') {
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return (...args: unknown[]) => {
          const query = args[0] as { text?: unknown; write?: (chunk: unknown) => boolean };
          const result = (target.query as (...a: unknown[]) => unknown)(...args);
          if (
            isArmed &&
            typeof query?.text === 'string' &&
            query.text.includes('FROM STDIN') &&
            typeof query.write === 'function'
          ) {
            const write = query.write.bind(query);
            let writes = 0;
            query.write = (chunk: unknown) => {
              writes += 1;
              if (writes > 1) throw new Error('simulated failure in the row sink');
              return write(chunk);
            };
          }
          return result;
        };
      },
    });
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'connect') return async () => wrapClient(await target.connect());
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  server = await startTestServer();
  planner = await server.createUserWithToken('planner');
  const { runtime } = server;
  const app = await buildApp({
    ...runtime,
    db: { ...runtime.db, pool: poolFailingMidCopy(runtime.db.pool) },
  });
  failing = await listenOnFreePort(app);
});
afterAll(async () => {
  await failing?.close();
  await server?.close();
});

function upload(label: string, rows: number) {
  // Enough demand rows for several batches, so that the COPY of demand gets a second write.
  const demand = ['item_code,location_code,period,quantity,uom'];
  for (let i = 0; i < rows; i++)
    demand.push(`ITEM-${String(i).padStart(6, '0')},東京,2027-01,${i % 100},pcs`);
  const mix = 'resource_code,item_code,share,units_per_hour\nR1,ITEM-000000,1,10\n';
  return fetch(`${failing.baseUrl}${API.upload(label)}`, {
    method: 'POST',
    headers: planner.headers,
    body: bundleFormData(
      { version_id: '2027-01-A' },
      { 'demand.csv': `${demand.join('\n')}\n`, 'mix.csv': mix, 'inventory.csv': null, 'inbound.csv': null },
    ),
    signal: AbortSignal.timeout(20_000),
  });
}

describe('an error outside the database in the middle of an upload COPY', () => {
  it('ends the request with a 500 within seconds, and the next upload of the label succeeds', async () => {
    isArmed = true;
    const started = Date.now();
    let res: Response;
    try {
      res = await upload('copy-failure', 10_000);
    } finally {
      isArmed = false;
    }
    expect(res.status).toBe(500);
    expect(ZProblemDetails.parse(await res.json()).code).toBe('internal');
    expect(Date.now() - started).toBeLessThan(15_000);

    const next = await upload('copy-failure', 10_000);
    expect(next.status).toBe(201);
    const { pool } = server.runtime.db;
    expect(pool.totalCount - pool.idleCount).toBe(0);
  }, 60_000);
});
