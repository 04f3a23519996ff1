import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type ToolingEnv, toolingEnv } from "@port443/config/tooling";
import { applyMigrations } from "@port443/db/migrate";
import { log } from "../log";
import { dataDir, repoRoot } from "../paths";
import { run, Supervisor } from "../processes";
import { provideServices } from "../services";

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

/** `npm start`: services, migrations, a production build, then web and worker until Ctrl-C. */
export async function start(): Promise<number> {
  const env = toolingEnv();
  const services = await provideServices("dev");
  const supervisor = new Supervisor();
  const shutdown = () => {
    log("shutting down");
    void supervisor.stop(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  try {
    await applyMigrations(services.databaseUrl);
    log("building web and worker");
    await run(
      "pnpm",
      ["exec", "turbo", "run", "build", "--filter=@port443/web", "--filter=@port443/worker"],
      {
        cwd: repoRoot,
      },
    );
    const smtpUrl = env.SMTP_URL ?? startMailCatcher(supervisor, env);
    const appEnv = {
      NODE_ENV: "production",
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      WORKER_PORT: String(env.WORKER_PORT),
      SMTP_URL: smtpUrl,
      PUBLIC_URL: `http://localhost:${env.PORT}`,
      AUTH_SECRET: authSecret(env),
      // Local development scans local test servers too; a deployment keeps the address policy on.
      PORT443_ALLOW_PRIVATE_TARGETS: "true",
    };
    const webDir = path.join(repoRoot, "apps/web");
    const nextBin = createRequire(path.join(webDir, "package.json")).resolve("next/dist/bin/next");
    supervisor.start("web", process.execPath, [nextBin, "start", "-p", String(env.PORT)], {
      cwd: webDir,
      env: appEnv,
    });
    supervisor.start("worker", process.execPath, ["--max-old-space-size=192", "dist/index.js"], {
      cwd: path.join(repoRoot, "apps/worker"),
      env: appEnv,
    });
    log(`web       http://localhost:${env.PORT}`);
    log(`health    http://localhost:${env.PORT}/api/health`);
    log(`worker    http://localhost:${env.WORKER_PORT}/health  http://localhost:${env.WORKER_PORT}/metrics`);
    if (!env.SMTP_URL)
      log(`mail      http://localhost:${env.PORT443_MAIL_WEB_PORT} (every alert email lands here)`);
    log("press Ctrl-C to stop");
    return await supervisor.done;
  } finally {
    await supervisor.stop();
    await services.stop();
    log("stopped");
  }
}
