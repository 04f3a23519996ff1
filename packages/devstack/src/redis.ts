import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { toolingEnv } from "@port443/config/tooling";
import { log } from "./log";

export interface LocalRedis {
  url: string;
  stop(): Promise<void>;
}

function onPath(command: string): string | undefined {
  for (const dir of (toolingEnv().PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  for (const fallback of ["/usr/bin", "/usr/local/bin", "/usr/sbin"]) {
    const candidate = path.join(fallback, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Finds `redis-server`; as root on Debian/Ubuntu installs the distribution's package when missing. */
export function redisServerBinary(): string {
  const found = onPath("redis-server");
  if (found) return found;
  if (process.getuid?.() === 0 && onPath("apt-get")) {
    log("redis-server is not installed; installing Debian's redis-server package");
    const apt = (...args: string[]) =>
      spawnSync("env", ["DEBIAN_FRONTEND=noninteractive", "apt-get", "-qq", ...args], { stdio: "inherit" });
    const update = apt("update");
    const install = apt("install", "-y", "--no-install-recommends", "redis-server");
    const installed = onPath("redis-server");
    if (update.status === 0 && install.status === 0 && installed) return installed;
  }
  throw new Error(
    "Redis is needed but `redis-server` was not found. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) or set REDIS_URL to an existing server.",
  );
}

export function ping(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

/** Resolves once the child exits, however it exits. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/**
 * Starts a private redis-server on loopback. `persistent` keeps data in `dir` across restarts
 * (append-only file); otherwise nothing touches the disk.
 */
export async function startRedis(options: {
  dir: string;
  port: number;
  persistent: boolean;
}): Promise<LocalRedis> {
  const binary = redisServerBinary();
  if (await ping(options.port)) {
    throw new Error(`port ${options.port} already has a Redis server; stop it or set PORT443_REDIS_PORT`);
  }
  mkdirSync(options.dir, { recursive: true });
  const persistence = options.persistent
    ? ["--appendonly", "yes", "--save", "60 1000"]
    : ["--appendonly", "no", "--save", ""];
  const child = spawn(
    binary,
    [
      "--port",
      String(options.port),
      "--bind",
      "127.0.0.1",
      "--dir",
      options.dir,
      "--daemonize",
      "no",
      ...persistence,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  for (let waited = 0; !(await ping(options.port)); waited += 100) {
    if (child.exitCode !== null || waited > 10_000) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not start on port ${options.port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `redis://127.0.0.1:${options.port}`,
    async stop() {
      child.kill("SIGTERM");
      await exited(child);
    },
  };
}
