import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { processEnv } from "@port443/config";
import { freePort } from "@port443/testing";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");

/** The ports a stack of ours serves on, all free, so tests run beside `npm start` and each other. */
export async function freeStackPorts() {
  return {
    PORT: String(await freePort()),
    WORKER_PORT: String(await freePort()),
    PORT443_POSTGRES_PORT: String(await freePort()),
    PORT443_REDIS_PORT: String(await freePort()),
    PORT443_MAIL_SMTP_PORT: String(await freePort()),
    PORT443_MAIL_WEB_PORT: String(await freePort()),
  };
}

/**
 * The environment of a user's shell: none of what `npm test` hands its own tests (the test
 * database and Redis, vitest's NODE_ENV), so the devstack provisions its own servers.
 */
export function userEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(processEnv())) {
    if (value === undefined || /^(DATABASE_URL|REDIS_URL|SMTP_URL|NODE_ENV|VITEST.*|TEST|DEBUG)$/.test(key))
      continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the output contains `text`; rejects when the process exits first or time runs out. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/** Runs a command in a process group of its own (as a shell does for a job) and collects its output. */
export function startJob(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Started {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      for (const listener of listeners) listener();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(text, timeoutMs = 120_000) {
      const seen = () => (typeof text === "string" ? output.includes(text) : text.test(output));
      return new Promise((resolve, reject) => {
        const done = (error?: Error) => {
          listeners.delete(check);
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (seen()) done();
        };
        const timer = setTimeout(
          () => done(new Error(`timed out waiting for ${text}:\n${output}`)),
          timeoutMs,
        );
        listeners.add(check);
        void exited.then((code) =>
          seen() ? done() : done(new Error(`exited (${code}) before ${text}:\n${output}`)),
        );
        check();
      });
    },
  };
}

/** Every process descending from `root` (by /proc's parent links), `root` included. */
export function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while we looked
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index++) tree.push(...(parents.get(tree[index]!) ?? []));
  return tree;
}

/** A process's command line, words joined by spaces; "(gone)" once it has exited. */
export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return "(gone)";
  }
}

/** Whether `pid` still runs (a zombie waiting for its parent to reap it does not). */
export function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Polls until `check` holds or `timeoutMs` passes; returns whether it held. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** Removes a data folder and the clusters it moved to /var/lib/port443 (as root, from a private folder). */
export function removeDataDir(dir: string): void {
  for (const name of ["postgres", "postgres-test"]) {
    const link = path.join(dir, name);
    if (existsSync(link)) rmSync(realpathSync(link), { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
}

/** A data folder for one test (mkdtemp: a private folder, as /root is). */
export function tempDataDir(prefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => removeDataDir(dir) };
}
