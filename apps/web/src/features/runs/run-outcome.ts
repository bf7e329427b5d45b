import type { TRunStatus } from '@planning-hub/contracts/api/runs';

/**
 * What a run came to, as its badge says it:
 * - `noPlan`: it finished but computed no plan, because it read no input set (Legacy mode,
 *   Missing InputSet): amber, never a green "succeeded";
 * - otherwise its status (running, succeeded, failed).
 */
export type TRunOutcome = TRunStatus | 'noPlan';

type TRunLike = {
  status: TRunStatus;
  /** The ready revision the run read; null when it read none. */
  inputSetRevision: number | null;
  /** The run detail's plan; the list's summaries do not carry it (undefined). */
  result?: unknown;
};

export function runOutcome(run: TRunLike): TRunOutcome {
  if (run.status !== 'succeeded') return run.status;
  // The list has no result: a run that read no revision computed no plan (docs/design.md section 7).
  const hasPlan = run.result === undefined ? run.inputSetRevision !== null : run.result !== null;
  return hasPlan ? 'succeeded' : 'noPlan';
}

/** The badge's word for each outcome: "no plan" is a word of its own, never "succeeded". */
export const RUN_OUTCOME_KEYS = {
  running: 'run.status.running',
  succeeded: 'run.status.succeeded',
  failed: 'run.status.failed',
  noPlan: 'run.status.noPlan',
} as const satisfies Record<TRunOutcome, string>;
