import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { toolingEnv } from "@port443/config/tooling";
import { aptInstall, canAptInstall } from "@port443/testing";
import { log } from "./log";
import { assertPortFree } from "./ports";
import { spawnService } from "./service-process";

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
export async function redisServerBinary(): Promise<string> {
  const found = onPath("redis-server");
  if (found) return found;
  let failure = "";
  if (canAptInstall()) {
    log("redis-server is not installed; installing Debian's redis-server package");
    failure = await aptInstall(["redis-server"]).then(
      () => "",
      (error: Error) => `\n${error.message}`,
    );
    const installed = onPath("redis-server");
    if (installed) return installed;
  }
  throw new Error(
    `Redis is needed but \`redis-server\` was not found. Install it (Debian/Ubuntu: \`sudo apt-get install redis-server\`, macOS: \`brew install redis\`) or set REDIS_URL to an existing server.${failure}`,
  );
}

/** Sends one command over RESP and returns the raw reply, or undefined when nothing answers. */
function command(port: number, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    let reply = "";
    const done = (value: string | undefined) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(1_000, () => done(reply || undefined));
    socket.once("error", () => done(reply || undefined));
    socket.once("close", () => done(reply || undefined));
    socket.once("connect", () =>
      socket.write(
        `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join("")}`,
      ),
    );
    socket.on("data", (data) => {
      reply += data.toString();
      if (reply.endsWith("\r\n")) done(reply);
    });
  });
}

const ping = async (port: number) => (await command(port, ["PING"]))?.startsWith("+PONG") ?? false;

/**
 * A redis-server of ours orphaned by a killed run still holds the port: recognise it by its data
 * folder and shut it down (saving its data) so this run owns the server it talks to.
 */
async function stopOrphan(port: number, dir: string): Promise<void> {
  const reply = await command(port, ["CONFIG", "GET", "dir"]);
  if (!reply) return;
  if (!reply.includes(`\r\n${dir}\r\n`)) {
    throw new Error(
      `Redis: port ${port} is taken by a Redis server that is not this checkout's; stop it or set PORT443_REDIS_PORT to a free port`,
    );
  }
  log(`stopping a Redis server left running by an earlier run on port ${port}`);
  await command(port, ["SHUTDOWN"]);
  for (let waited = 0; (await ping(port)) && waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
  const binary = await redisServerBinary();
  mkdirSync(options.dir, { recursive: true });
  await stopOrphan(options.port, options.dir);
  await assertPortFree(options.port, "Redis", "PORT443_REDIS_PORT");
  const persistence = options.persistent
    ? ["--appendonly", "yes", "--save", "60 1000"]
    : ["--appendonly", "no", "--save", ""];
  const { child, stop } = spawnService(
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
    // Ctrl-C must not stop Redis before the apps using it have finished (spawnService: own group).
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  for (let waited = 0; !(await ping(options.port)); waited += 100) {
    if (child.exitCode !== null || waited > 10_000) {
      await stop(0);
      throw new Error(`Redis: redis-server did not start on port ${options.port}; see the lines above`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `redis://127.0.0.1:${options.port}`,
    stop: () => stop(),
  };
}
