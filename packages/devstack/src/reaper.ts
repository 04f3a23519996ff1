import { type ChildProcess, spawn } from "node:child_process";
import type { Socket } from "node:net";
import path from "node:path";
import { repoRoot } from "./paths";

/**
 * The link to `bin/reaper.mjs`, started on first use: a process outside our process group that
 * stops every service group still announced when this process ends without stopping them itself
 * (killed, crashed, its terminal gone). The pipe closing is how it learns that we are gone.
 */
let reaper: ChildProcess | undefined;

function channel(): Socket {
  if (!reaper) {
    reaper = spawn(process.execPath, [path.join(repoRoot, "packages/devstack/bin/reaper.mjs")], {
      detached: true,
      stdio: ["pipe", "ignore", "ignore"],
    });
    reaper.unref();
    const stdin = reaper.stdin as Socket;
    stdin.unref(); // our event loop must not wait for the reaper
    stdin.on("error", () => {}); // a reaper that died leaves us without the net, not broken
  }
  return reaper.stdin as Socket;
}

/** Announces a service: on our death the reaper sends `signal` to `pid` ("leader") or its whole group. */
export function watchGroup(pgid: number, signal: NodeJS.Signals, target: "group" | "leader"): void {
  channel().write(`+${pgid} ${signal} ${target}\n`);
}

/** The service stopped in order: the reaper forgets it (its group id may be reused). */
export function releaseGroup(pgid: number): void {
  reaper?.stdin?.write(`-${pgid}\n`);
}
