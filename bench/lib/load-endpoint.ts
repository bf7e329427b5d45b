import autocannon from 'autocannon';
import type { TCpuProbe } from './cpu-time';
import { round2 } from './machine';

/** One endpoint under load, as bench/results.json's `api_load` holds it. */
export type TEndpointLoad = {
  path: string;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Mean requests per second over the run (autocannon samples each second). */
  rps: number;
  requests: number;
  /** Mean bytes per answer, headers included (uncompressed: the API does not compress). */
  response_kb: number;
  /** Connection errors and timeouts. */
  errors: number;
  non_2xx: number;
  status_codes: Record<string, number>;
  seconds: number;
  /** CPU seconds during the measured run: the load generator (node), the API process and PostgreSQL. */
  cpu_s: Record<string, number>;
  /** API + PostgreSQL CPU milliseconds per request: what one request costs the server, waiting for a core left out. */
  server_cpu_ms_per_request: number | null;
};

/**
 * `connections` keep-alive connections sending GET `path` back to back for
 * `seconds`, after an unmeasured warm-up of `warmupSeconds` (JIT, connection pools,
 * PostgreSQL's caches). Latency is from the request's first byte out to the last
 * byte of the answer, as the client sees it.
 */
export async function loadEndpoint({
  baseUrl,
  path,
  token,
  connections,
  seconds,
  warmupSeconds,
  probe,
}: {
  baseUrl: string;
  path: string;
  token: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  probe: TCpuProbe;
}): Promise<TEndpointLoad> {
  const options = {
    url: `${baseUrl}${path}`,
    connections,
    headers: { authorization: `Bearer ${token}` },
    timeout: 30,
  };
  if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
  const cpuBefore = probe();
  const result = await autocannon({ ...options, duration: seconds });
  const cpuAfter = probe();
  const cpuS = Object.fromEntries(
    Object.entries(cpuAfter).map(([source, after]) => [
      source,
      round2(after - (cpuBefore[source] ?? Number.NaN)),
    ]),
  );
  const serverCpuS = (cpuS.api ?? Number.NaN) + (cpuS.postgres ?? Number.NaN);
  return {
    path,
    p50_ms: result.latency.p50,
    p90_ms: result.latency.p90,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    rps: Math.round(result.requests.average * 10) / 10,
    requests: result.requests.total,
    response_kb:
      result.requests.total === 0
        ? 0
        : Math.round((result.throughput.total / result.requests.total / 1024) * 10) / 10,
    errors: result.errors,
    non_2xx: result.non2xx,
    status_codes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]),
    ),
    seconds: result.duration,
    cpu_s: cpuS,
    server_cpu_ms_per_request:
      Number.isNaN(serverCpuS) || result.requests.total === 0
        ? null
        : round2((serverCpuS * 1000) / result.requests.total),
  };
}
