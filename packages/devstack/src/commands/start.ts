import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type ToolingEnv, toolingEnv } from "@port443/config/tooling";
import { applyMigrations } from "@port443/db/migrate";
import { claimInstance } from "../instance";
import { log } from "../log";
import { dataDir, repoRoot } from "../paths";
import { assertPortFree } from "../ports";
import { run, Supervisor } from "../processes";
import { provideServices, type Services } from "../services";

/** maildev: an SMTP server with a web inbox, so a new user sees alert emails without configuring SMTP. */
function startMailCatcher(supervisor: Supervisor, env: ToolingEnv): string {
  // maildev's exports map has no "require" entry: find its folder along the node_modules paths.
  const packageDir = (createRequire(import.meta.url).resolve.paths("maildev") ?? [])
    .map((dir) => path.join(dir, "maildev"))
    .find((dir) => existsSync(path.join(dir, "package.json")));
  if (!packageDir) throw new Error("maildev is not installed; run pnpm install");
  const { bin } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    bin: { maildev: string };
  };
  const maildev = path.join(packageDir, bin.maildev);
  supervisor.start(
    "mail",
    process.execPath,
    [
      maildev,
      "--smtp",
      String(env.PORT443_MAIL_SMTP_PORT),
      "--ip",
      "127.0.0.1",
      "--web",
      String(env.PORT443_MAIL_WEB_PORT),
      "--web-ip",
      "127.0.0.1",
      "--mail-directory",
      path.join(dataDir(), "mail"),
    ],
    { cwd: repoRoot, env: {} },
  );
  return `smtp://127.0.0.1:${env.PORT443_MAIL_SMTP_PORT}`;
}

/** The session-signing secret: AUTH_SECRET, or one generated once and kept with the data. */
function authSecret(env: ToolingEnv): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(dataDir(), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** The ports `npm start` serves on, checked before anything starts so a clash costs no time. */
async function assertPortsFree(env: ToolingEnv): Promise<void> {
  await assertPortFree(env.PORT, "web", "PORT");
  await assertPortFree(env.WORKER_PORT, "worker", "WORKER_PORT");
  if (env.SMTP_URL) return;
  await assertPortFree(env.PORT443_MAIL_SMTP_PORT, "mail catcher (SMTP)", "PORT443_MAIL_SMTP_PORT");
  await assertPortFree(env.PORT443_MAIL_WEB_PORT, "mail catcher (inbox)", "PORT443_MAIL_WEB_PORT");
}

/**
 * `npm start`: services, migrations, a production build, then web and worker until stopped.
 * `build: false` (`npm start -- --no-build`) runs what was built last, as a deployment script does.
 */
export async function start(options: { build: boolean }): Promise<number> {
  const env = toolingEnv();
  const webUrl = `http://localhost:${env.PORT}`;
  const instance = claimInstance("dev", "Port443", webUrl);
  const supervisor = new Supervisor();
  let services: Services | undefined;
  // SIGTERM (service managers, `docker stop`, CI runners) stops everything as Ctrl-C does; a
  // group kill may deliver it more than once, and a repeat must not cut the orderly stop short.
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    log("shutting down");
    void supervisor.stop(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, shutdown);
  try {
    await assertPortsFree(env);
    services = await provideServices("dev");
    instance.update({ url: webUrl, databaseUrl: services.databaseUrl, redisUrl: services.redisUrl });
    await applyMigrations(services.databaseUrl);
    if (stopping) return 0;
    if (options.build) {
      log("building web and worker");
      await run(
        "pnpm",
        ["exec", "turbo", "run", "build", "--filter=@port443/web", "--filter=@port443/worker"],
        { cwd: repoRoot },
      ).catch((error: Error) => {
        if (!stopping) throw error; // a stop during the build ends the build too
      });
    }
    if (stopping) return 0;
    const smtpUrl = env.SMTP_URL ?? startMailCatcher(supervisor, env);
    const appEnv = {
      NODE_ENV: "production",
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      WORKER_PORT: String(env.WORKER_PORT),
      SMTP_URL: smtpUrl,
      PUBLIC_URL: webUrl,
      AUTH_SECRET: authSecret(env),
      // Local development scans local test servers too; a deployment keeps the address policy on.
      PORT443_ALLOW_PRIVATE_TARGETS: "true",
    };
    // The web app's server: `next start` that also passes on each connection's address.
    supervisor.start("web", process.execPath, ["server.mjs", "-p", String(env.PORT)], {
      cwd: path.join(repoRoot, "apps/web"),
      env: appEnv,
    });
    supervisor.start("worker", process.execPath, ["--max-old-space-size=192", "dist/index.js"], {
      cwd: path.join(repoRoot, "apps/worker"),
      env: appEnv,
    });
    log(`web       ${webUrl}`);
    log(`health    ${webUrl}/api/health`);
    log(`worker    http://localhost:${env.WORKER_PORT}/health  http://localhost:${env.WORKER_PORT}/metrics`);
    if (!env.SMTP_URL)
      log(`mail      http://localhost:${env.PORT443_MAIL_WEB_PORT} (every alert email lands here)`);
    log("press Ctrl-C to stop");
    return await supervisor.done;
  } finally {
    await supervisor.stop();
    if (services) {
      await services.stop();
      log("stopped");
    }
    instance.release();
  }
}
