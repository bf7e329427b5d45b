import { ZEventsResponse } from '@planning-hub/contracts/api/events';
import { ZInputSetDetail, ZListInputSetsResponse } from '@planning-hub/contracts/api/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { createDatabaseClients } from '@planning-hub/server/database/connect';
import { createCpuProbe } from '../lib/cpu-time';
import { loadEndpoint, type TEndpointLoad } from '../lib/load-endpoint';
import { HOT_LABEL, seedReviewHistory, type TSeededHistory } from './seed-review-history';
import type { TApiLoadOutcome, TLoadEndpoint, TTask, TTaskOptions } from './task-types';

type TEndpointSpec = { name: TLoadEndpoint; path: string; check: (body: unknown) => string };

/** The three reads the SPA's list, detail and history tabs make, each checked once before the load. */
const ENDPOINTS: TEndpointSpec[] = [
  {
    name: 'list',
    path: API.inputSets,
    check: (body) => {
      const page = ZListInputSetsResponse.parse(body);
      return `${page.items.length} of ${page.total} revisions`;
    },
  },
  {
    name: 'detail',
    path: API.inputSet(HOT_LABEL),
    check: (body) => {
      const detail = ZInputSetDetail.parse(body);
      return `${detail.ref} r${detail.revision} ${detail.status}`;
    },
  },
  {
    name: 'events',
    path: `${API.events(HOT_LABEL)}?limit=100`,
    check: (body) => `${ZEventsResponse.parse(body).events.length} events`,
  },
];

async function checkEndpoint(api: NonNullable<TTaskOptions['api']>, spec: TEndpointSpec): Promise<string> {
  const res = await fetch(`${api.baseUrl}${spec.path}`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  const body: unknown = await res.json();
  if (res.status !== 200)
    throw new Error(`${spec.path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return spec.check(body);
}

/**
 * api_load: review history seeded through the services, then the list, detail and
 * events endpoints of the real API (its own process), one after another, each under
 * `connections` concurrent keep-alive connections with a bearer token for `seconds`.
 * The load generator runs here, on the same cores as the API and PostgreSQL.
 */
export const runApiLoadTask: TTask = async ({ url, bundleDir, postgresPid, api, load }) => {
  if (!api || !load) throw new Error('the api_load task needs the API and the load settings');
  const db = createDatabaseClients(url, 4);
  let dataset: TSeededHistory;
  try {
    dataset = await seedReviewHistory(db.pool, { bundleDir, labels: load.labels });
  } finally {
    await db.close();
  }
  console.log(
    `  seeded ${dataset.labels} labels, ${dataset.revisions} revisions, ${dataset.events} events (${dataset.hotEvents} on ${dataset.hotLabel}) in ${dataset.seconds} s`,
  );
  const probe = createCpuProbe({ postgresPid, apiPid: api.pid });
  const endpoints = {} as Record<TLoadEndpoint, TEndpointLoad>;
  for (const spec of ENDPOINTS) {
    console.log(`  ${spec.name.padEnd(7)} GET ${spec.path}: ${await checkEndpoint(api, spec)}`);
    const result = await loadEndpoint({
      baseUrl: api.baseUrl,
      path: spec.path,
      token: api.token,
      connections: load.connections,
      seconds: load.seconds,
      warmupSeconds: load.warmupSeconds,
      probe,
    });
    endpoints[spec.name] = result;
    console.log(
      `  ${spec.name.padEnd(7)} p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, ${result.rps} req/s, ${result.requests} requests, errors ${result.errors}, non-2xx ${result.non_2xx}`,
    );
  }
  const outcome: TApiLoadOutcome = {
    dataset,
    connections: load.connections,
    seconds: load.seconds,
    endpoints,
  };
  return { samples: {}, cpu: {}, load: outcome };
};
