import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { dataDir } from "./paths";

/** What a running devstack of this checkout tells a second one. */
export interface Instance {
  pid: number;
  /** Where a person finds it: the dashboard for `npm start`, the database for the others. */
  url: string;
  /** The servers it runs, for `pnpm db:migrate` and benchmarks to use instead of starting their own. */
  databaseUrl?: string;
  redisUrl?: string;
}

const file = (kind: string) => path.join(dataDir(), `devstack-${kind}.json`);

/** Whether `pid` is a live devstack process (on Linux by its command line; elsewhere any live pid). */
function isDevstack(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  return (
    !existsSync("/proc/self") || (existsSync(cmdline) && readFileSync(cmdline, "utf8").includes("devstack"))
  );
}

/** The devstack of this checkout that holds `kind` ("dev" servers, "test" servers), if one runs. */
export function runningInstance(kind: string): Instance | undefined {
  try {
    const instance = JSON.parse(readFileSync(file(kind), "utf8")) as Instance;
    return instance.pid !== process.pid && isDevstack(instance.pid) ? instance : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes `kind` for this process, or fails in one line naming the one that has it. The file is
 * created exclusively, so two starts at the same moment cannot both win; one left by a killed run
 * is taken over. Returns the release, which `update` can amend with the URLs once they are known.
 */
export function claimInstance(kind: string, what: string, url: string) {
  mkdirSync(dataDir(), { recursive: true });
  for (let attempt = 0; !created(kind, url); attempt++) {
    const running = runningInstance(kind);
    if (running) {
      throw new Error(
        `${what} is already running from this checkout (pid ${running.pid}, ${running.url}); use it, or stop it first (Ctrl-C in its terminal, or kill ${running.pid})`,
      );
    }
    if (attempt === 3) throw new Error(`${what}: could not take ${file(kind)}; remove it and try again`);
    rmSync(file(kind), { force: true }); // left by a run that did not stop in order
  }
  return {
    update(instance: Omit<Instance, "pid">) {
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${file(kind)}.${process.pid}`;
      writeFileSync(partial, JSON.stringify({ pid: process.pid, ...instance } satisfies Instance), {
        mode: 0o600,
      });
      renameSync(partial, file(kind));
    },
    release() {
      if (owner(kind) === process.pid) rmSync(file(kind), { force: true });
    },
  };
}

/** Creates the claim file exclusively; false when it exists. */
function created(kind: string, url: string): boolean {
  let fd: number;
  try {
    fd = openSync(file(kind), "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeSync(fd, JSON.stringify({ pid: process.pid, url } satisfies Instance));
  closeSync(fd);
  return true;
}

function owner(kind: string): number | undefined {
  try {
    return (JSON.parse(readFileSync(file(kind), "utf8")) as Instance).pid;
  } catch {
    return undefined;
  }
}
