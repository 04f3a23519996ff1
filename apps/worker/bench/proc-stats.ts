import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString()) || 100;

/** Resident memory of a process (MB); 0 once it is gone. */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * CPU time (user + system, ms) a process has used so far, with that of its children it has
 * reaped (so PostgreSQL's backends that exit between two readings still count, in the
 * postmaster); 0 once it is gone.
 */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  // Fields after the parenthesised command name: utime, stime, cutime, cstime are the 12th to 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + (Number(fields[index]) || 0), 0);
  return (ticks * 1000) / ticksPerSecond;
}

/** Every process on this machine whose command name is `name` (postgres, redis-server). */
export async function pidsNamed(name: string): Promise<number[]> {
  const pids = (await readdir("/proc")).filter((entry) => /^\d+$/.test(entry)).map(Number);
  const names = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/comm`, "utf8").catch(() => "")));
  return pids.filter((_, index) => names[index]!.trim() === name);
}

/** Sums the CPU time of each group's processes, looked up anew each time (backends come and go). */
export async function cpuByGroup(groups: Record<string, () => number[] | Promise<number[]>>) {
  const entries = await Promise.all(
    Object.entries(groups).map(async ([group, pids]) => {
      const times = await Promise.all((await pids()).map(cpuMs));
      return [group, times.reduce((sum, time) => sum + time, 0)] as const;
    }),
  );
  return new Map(entries);
}
