import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { processEnv } from "@port443/config";
import { freePort, startSmtpServer, uniquePrefix } from "@port443/testing";

/** `--name=N` from the command line, else the fallback. */
export const argument = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const nextCli = createRequire(import.meta.url).resolve("next/dist/bin/next");

/**
 * The production build on a free port, with the mail catcher it needs, once /api/health answers:
 * as deployed (`server.mjs`, which serves /api/v1 on the lean path) or as a bare `next start`
 * (everything through Next.js, the REST API through its route handler).
 */
export async function startBenchWeb(
  databaseUrl: string,
  redisUrl: string,
  env: Record<string, string> = {},
  server: "server.mjs" | "next start" = "server.mjs",
) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const smtp = await startSmtpServer();
  const command = server === "server.mjs" ? ["server.mjs"] : [nextCli, "start"];
  const child = spawn(process.execPath, [...command, "-p", String(port)], {
    cwd: webDir,
    env: {
      ...processEnv(),
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      PORT443_QUEUE_PREFIX: uniquePrefix("bench"),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SMTP_URL: smtp.url,
      PUBLIC_URL: base,
      ...env,
    },
    stdio: "ignore",
  });
  for (let attempt = 0; ; attempt++) {
    if (
      await fetch(`${base}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (attempt > 150) throw new Error("the web server did not come up");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    pid: child.pid!,
    stop: () => {
      child.kill("SIGTERM");
      void smtp.stop();
    },
  };
}
