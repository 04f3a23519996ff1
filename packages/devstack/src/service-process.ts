import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { releaseGroup, watchGroup } from "./reaper";

/** Resolves once the child exits, however it exits. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

const send = (target: number, signal: NodeJS.Signals) => {
  try {
    process.kill(target, signal);
  } catch {
    // already gone
  }
};

export interface ServiceProcess {
  child: ChildProcess;
  /** Stops the service and everything it started; SIGKILL for what is left after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns a long-running service in a process group of its own, so Ctrl-C in the terminal reaches
 * only the devstack, which then stops services in order. Stopping signals the whole group: the
 * direct child is often a wrapper (pnpm, `next start`) whose server would not hear a signal sent
 * to the wrapper alone. `signalLeaderOnly` is for servers that stop their own children
 * (PostgreSQL's postmaster, whose backends read SIGINT as "cancel query"). The reaper stops the
 * group if this process dies first.
 */
export function spawnService(
  command: string,
  args: string[],
  options: SpawnOptions & { stopSignal?: NodeJS.Signals; signalLeaderOnly?: boolean },
): ServiceProcess {
  const { stopSignal = "SIGTERM", signalLeaderOnly = false, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: true });
  const pgid = child.pid;
  if (pgid !== undefined) watchGroup(pgid, stopSignal, signalLeaderOnly ? "leader" : "group");
  let stopping: Promise<void> | undefined;
  const stop = async (graceMs = 10_000) => {
    if (pgid === undefined) return;
    send(signalLeaderOnly ? pgid : -pgid, stopSignal);
    const deadline = Date.now() + graceMs;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Also for a leader that stopped in time but left members of its group behind.
    if (groupAlive(pgid)) send(-pgid, "SIGKILL");
    await exited(child);
    releaseGroup(pgid);
  };
  return {
    child,
    stop: (graceMs) => {
      stopping ??= stop(graceMs);
      return stopping;
    },
  };
}
