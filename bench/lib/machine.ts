import os from 'node:os';

export type TMachine = {
  cpus: number;
  model: string;
  memGb: number;
  node: string;
  postgres: string;
  /** 1-, 5- and 15-minute load averages when the run started and ended: a shared machine shows here. */
  loadavgStart: number[];
  loadavgEnd?: number[];
};

export function describeMachine(postgres: string): TMachine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres,
    loadavgStart: os.loadavg().map(round2),
  };
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const round3 = (n: number) => Math.round(n * 1000) / 1000;
