import { existsSync, readFileSync } from 'node:fs';

/** /proc/<pid>/stat counts in clock ticks: USER_HZ, 100 on Linux whatever the kernel's HZ. */
const TICKS_PER_SECOND = 100;

type TStat = { own: number; reapedChildren: number };

function readStat(pid: number): TStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime are fields 14-17 of stat, 12-15 after the name.
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    return { own: utime + stime, reapedChildren: cutime + cstime };
  } catch {
    return null; // the process is gone
  }
}

function liveChildren(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU seconds (user + system) a process and all its children have used so far:
 * its own, its reaped children's, and its live children's. For the postmaster
 * that is every backend, worker and background process of the server, whether
 * it still runs or not. Wall time on a loaded machine includes waiting for a
 * core; CPU time does not, so it shows what a path costs by itself.
 */
export function processTreeCpuSeconds(pid: number): number {
  const stat = readStat(pid);
  if (!stat) return Number.NaN;
  let ticks = stat.own + stat.reapedChildren;
  for (const child of liveChildren(pid)) {
    const childStat = readStat(child);
    if (childStat) ticks += childStat.own + childStat.reapedChildren;
  }
  return ticks / TICKS_PER_SECOND;
}

/** The postmaster's pid, from the first line of postmaster.pid in the data folder. */
export function readPostmasterPid(dataDir: string): number | null {
  const file = `${dataDir}/postmaster.pid`;
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** CPU seconds by source (this process, PostgreSQL, the API process), read before and after each step. */
export type TCpuProbe = () => Record<string, number>;

export function createCpuProbe({
  postgresPid,
  apiPid,
}: {
  postgresPid?: number | null;
  apiPid?: number | null;
}): TCpuProbe {
  return () => {
    const usage = process.cpuUsage();
    const snapshot: Record<string, number> = { node: (usage.user + usage.system) / 1e6 };
    if (postgresPid) snapshot.postgres = processTreeCpuSeconds(postgresPid);
    if (apiPid) snapshot.api = processTreeCpuSeconds(apiPid);
    return snapshot;
  };
}
