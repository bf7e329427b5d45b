import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOAD_ENDPOINTS } from '../tasks/task-types';
import type { TDiffTabResult } from './diff-tab';
import type { TApiLoadResult } from './run-api-load';
import type { TCliLatencyResult } from './run-cli-latency';
import type { TSpaBundleResult } from './spa-bundle';
import type { TSpaLcpResult } from './spa-lcp';

/** What a run measures once, apart from the bundle sizes (the Diff tab: once, at the largest size with diff). */
export type TOnceResults = {
  apiLoad?: TApiLoadResult;
  spa?: TSpaBundleResult & Partial<TSpaLcpResult>;
  cli?: TCliLatencyResult;
  diffTab?: TDiffTabResult;
};

/** bench/results.json's `api_load`, `spa`, `cli` and `diff_tab` keys. */
export function onceResultKeys({ apiLoad, spa, cli, diffTab }: TOnceResults): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  if (apiLoad) {
    const { dataset } = apiLoad;
    keys.api_load = {
      connections: apiLoad.connections,
      seconds: apiLoad.seconds,
      dataset: {
        labels: dataset.labels,
        revisions: dataset.revisions,
        events: dataset.events,
        hot_label: dataset.hotLabel,
        hot_label_events: dataset.hotEvents,
      },
      loadavg_start: apiLoad.loadavgStart,
      loadavg_end: apiLoad.loadavgEnd,
      api_peak_rss_mb: apiLoad.apiPeakRssMb,
      ...Object.fromEntries(
        LOAD_ENDPOINTS.map((name) => {
          const { status_codes: _codes, seconds: _seconds, ...endpoint } = apiLoad.endpoints[name];
          return [name, endpoint];
        }),
      ),
    };
  }
  if (spa) {
    const { loadavgStart, loadavgEnd, ...sizes } = spa;
    keys.spa = { ...sizes, loadavg_start: loadavgStart, loadavg_end: loadavgEnd };
  }
  if (cli) {
    const { loadavgStart, loadavgEnd, ...timings } = cli;
    keys.cli = { ...timings, loadavg_start: loadavgStart, loadavg_end: loadavgEnd };
  }
  if (diffTab) keys.diff_tab = diffTab;
  return keys;
}

/**
 * A partial run's `api_load`, `spa`, `cli` and `diff_tab` replace those keys of bench/results.json,
 * whose other keys stay as the last complete run wrote them: neither depends on
 * the bundle sizes. Returns the file it updated, if any.
 */
export async function mergeOnceResults(home: string, once: TOnceResults): Promise<string | null> {
  const keys = onceResultKeys(once);
  const file = path.join(home, 'bench', 'results.json');
  if (Object.keys(keys).length === 0) return null;
  const results = existsSync(file)
    ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>)
    : {};
  await writeFile(file, `${JSON.stringify({ ...results, ...keys }, null, 2)}\n`);
  return file;
}

const pad = (text: string | number, width: number) => String(text).padStart(width);

/** The printed table's sections for the API under load and the SPA bundle. */
export function formatOnceTable({ apiLoad, spa, cli, diffTab }: TOnceResults): string {
  const out: string[] = [];
  if (apiLoad) {
    const { dataset } = apiLoad;
    out.push(
      `API under load: ${apiLoad.connections} connections, ${apiLoad.seconds} s per endpoint; ${dataset.labels} labels, ${dataset.revisions} revisions, ${dataset.events} events (${dataset.hotEvents} on ${dataset.hotLabel}); API peak RSS ${apiLoad.apiPeakRssMb} MB`,
    );
    const header = `${'endpoint'.padEnd(10)}${'path'.padEnd(48)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('max ms', 8)}${pad('req/s', 9)}${pad('requests', 10)}${pad('KiB/answer', 12)}${pad('errors', 8)}${pad('non-2xx', 9)}${pad('server CPU ms/req', 19)}  CPU s (load gen / API / PostgreSQL)`;
    out.push(header, '-'.repeat(header.length));
    for (const name of LOAD_ENDPOINTS) {
      const e = apiLoad.endpoints[name];
      const isClean = e.errors === 0 && e.non_2xx === 0;
      out.push(
        `${name.padEnd(10)}${e.path.padEnd(48)}${pad(e.p50_ms, 8)}${pad(e.p99_ms, 8)}${pad(e.max_ms, 8)}${pad(e.rps, 9)}${pad(e.requests, 10)}${pad(e.response_kb, 12)}${pad(e.errors, 8)}${pad(e.non_2xx, 9)}${pad(e.server_cpu_ms_per_request ?? '-', 19)}  ${[e.cpu_s.node, e.cpu_s.api, e.cpu_s.postgres].map((v) => v?.toFixed(1) ?? '-').join(' / ')}${isClean ? '' : '  MISS: errors must be 0'}`,
      );
    }
    out.push(
      `load average ${apiLoad.loadavgStart.join(' ')} at the start, ${apiLoad.loadavgEnd.join(' ')} at the end`,
      '',
    );
  }
  if (spa) {
    out.push(
      `SPA bundle (gzip): entry ${spa.entry_gzip_kb} KiB (${spa.entry_file}), initial JS ${spa.initial_js_gzip_kb} KiB, /ui landing page ${spa.landing_js_gzip_kb} KiB (${spa.landing_js_raw_kb} KiB raw), all JS ${spa.total_js_gzip_kb} KiB (${spa.total_js_raw_kb} KiB raw) in ${spa.chunks} chunks (${spa.lazy_chunks} lazy), CSS ${spa.css_gzip_kb} KiB; build ${spa.build_s} s`,
    );
    if (spa.lcp_ms !== undefined) {
      // Usable before any script when the list came painted and shows with JavaScript off.
      const noScript = spa.no_script_usable_ms ?? null;
      out.push(
        `List page in Chromium (medians of ${spa.lcp_runs_ms?.length} cold loads): LCP ${spa.lcp_ms} ms (goal <= 1000, ${spa.lcp_ms <= 1000 ? 'ok' : 'MISS'}), usable at ${spa.usable_ms} ms, painted by the API in ${spa.painted_loads} of them; JS fetched before usable ${spa.js_before_usable_gzip_kb} KiB gzip`,
        noScript === null
          ? '  with JavaScript off the list and its rows did not show: the page needs its scripts first (goal <= 100 KiB: see the line above)'
          : `  with JavaScript off: its count and ${spa.no_script_rows} rows at ${noScript} ms; JS needed before usable 0 KiB (goal <= 100 KiB, ok)`,
      );
    }
  }
  if (cli) {
    const verdict = (ms: number, goal: number) => (ms <= goal ? 'ok' : 'MISS');
    out.push(
      `CLI (bin/planning, median of ${cli.help.runs} fresh starts): --help ${cli.help.median_ms} ms (goal <= ${cli.goals.help_ms}, ${verdict(cli.help.median_ms, cli.goals.help_ms)}), list ${cli.list.median_ms} ms (goal <= ${cli.goals.list_ms}, ${verdict(cli.list.median_ms, cli.goals.list_ms)}); p90 ${cli.help.p90_ms} / ${cli.list.p90_ms} ms; \`node -e 0\` alone ${cli.node.median_ms} ms`,
    );
  }
  if (diffTab) {
    const marks = (figures: TDiffTabResult['warm_ms']) =>
      Object.entries(figures)
        .map(([mark, ms]) => `${mark} ${ms}`)
        .join(', ');
    const first = diffTab.cold_after_job_ms.movers;
    out.push(
      `Diff tab, ${diffTab.rows.toLocaleString('en-US')}-row diff in Chromium (ms, medians): cached, from navigation: ${marks(diffTab.warm_ms)}`,
      `  from the job's end (job ${diffTab.cold_job_ms} ms after navigation): ${marks(diffTab.cold_after_job_ms)}; first page (movers) within 1 s of the job: ${first !== undefined && first <= 1000 ? 'ok' : 'MISS'}`,
    );
  }
  return out.join('\n');
}
