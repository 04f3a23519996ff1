import { spawn } from "node:child_process";
import { processEnv } from "@port443/config";
import { log } from "./log";
import { exited, type ServiceProcess, spawnService } from "./service-process";

export type ChildEnv = Record<string, string>;

/** The tools' anonymous telemetry would only time out on a closed network; users can re-enable it. */
const QUIET = { TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" };

const childEnv = (extra: ChildEnv) => ({ ...QUIET, ...processEnv(), ...extra });

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export async function run(command: string, args: string[], options: { cwd: string; env?: ChildEnv }) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: childEnv(options.env ?? {}),
    stdio: "inherit",
  });
  await exited(child);
  if (child.exitCode !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${child.exitCode ?? child.signalCode})`);
  }
}

const COLORS = [36, 35, 33, 32];

/** Long-running children whose output is prefixed with their name; stopping one stops all. */
export class Supervisor {
  private readonly services = new Map<string, ServiceProcess>();
  private stopping: Promise<void> | undefined;
  readonly done: Promise<number>;
  private finish!: (code: number) => void;

  constructor() {
    this.done = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  start(name: string, command: string, args: string[], options: { cwd: string; env: ChildEnv }): void {
    const color = COLORS[this.services.size % COLORS.length];
    const prefix = process.stdout.isTTY ? `\x1b[${color}m${name.padEnd(7)}|\x1b[0m ` : `${name.padEnd(7)}| `;
    const service = spawnService(command, args, {
      cwd: options.cwd,
      env: childEnv(options.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [service.child.stdout!, service.child.stderr!]) {
      let pending = "";
      stream.on("data", (chunk: Buffer) => {
        const lines = (pending + chunk.toString()).split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
      });
    }
    service.child.once("exit", (code, signal) => {
      if (this.stopping) return;
      log(`${name} exited (${code ?? signal}); stopping everything`);
      void this.stop(1);
    });
    this.services.set(name, service);
  }

  /**
   * Stops every child's process group: SIGTERM, then SIGKILL for what is left after `graceMs`.
   * Every caller waits for the same stop.
   */
  stop(code = 0, graceMs = 10_000): Promise<void> {
    this.stopping ??= Promise.all([...this.services.values()].map((service) => service.stop(graceMs))).then(
      () => this.finish(code),
    );
    return this.stopping;
  }
}
