/** One measured operation of a round; `prepare` (untimed) resets what the previous run left. */
export type TStep = { name: string; prepare?: () => Promise<void>; run: () => Promise<void> };

import type { TCpuProbe } from './cpu-time';

/** Seconds per run, by step name, warm-up rounds left out. */
export type TSamples = Record<string, number[]>;

/** CPU seconds per run, by step name and source (node, postgres, api). */
export type TCpuSamples = Record<string, Record<string, number[]>>;

/**
 * Runs `warmups` + `rounds` rounds of all steps, one after another inside each
 * round: a path and its baseline alternate, so load that drifts over minutes
 * (a shared machine) falls on both alike.
 */
export async function measureRounds({
  steps,
  warmups,
  rounds,
  probe = () => ({}),
  log = () => {},
}: {
  steps: TStep[];
  warmups: number;
  rounds: number;
  probe?: TCpuProbe;
  log?: (line: string) => void;
}): Promise<{ samples: TSamples; cpu: TCpuSamples }> {
  const samples: TSamples = Object.fromEntries(steps.map((s) => [s.name, []]));
  const cpu: TCpuSamples = Object.fromEntries(steps.map((s) => [s.name, {}]));
  for (let round = 0; round < warmups + rounds; round++) {
    const isWarmup = round < warmups;
    for (const step of steps) {
      await step.prepare?.();
      const cpuBefore = probe();
      const started = performance.now();
      await step.run();
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = probe();
      const used = Object.entries(cpuAfter).map(
        ([source, after]) => [source, after - (cpuBefore[source] ?? Number.NaN)] as const,
      );
      if (!isWarmup) {
        samples[step.name]!.push(seconds);
        for (const [source, value] of used) (cpu[step.name]![source] ??= []).push(value);
      }
      const cpuText = used.map(([source, value]) => `${source} ${value.toFixed(2)}`).join(', ');
      log(
        `  ${isWarmup ? 'warm-up' : `run ${round - warmups + 1}`}  ${step.name.padEnd(22)} ${seconds.toFixed(3)} s${cpuText ? `  (CPU s: ${cpuText})` : ''}`,
      );
    }
  }
  return { samples, cpu };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** This process's peak resident set so far, in MB (getrusage ru_maxrss). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
