import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { processEnv } from "@port443/config";
import { freePort, startSmtpServer } from "@port443/testing";

export const webDir = path.resolve(import.meta.dirname, "../..");

/**
 * Runs the production build as `npm start` does (`server.mjs`, NODE_ENV=production) with a
 * random AUTH_SECRET. Production will not start without SMTP, so a test that reads no email
 * still gets a mail catcher. `host` names the site in PUBLIC_URL (passkeys need a domain name,
 * such as localhost, not an address).
 */
export async function startWeb(
  env: Record<string, string>,
  { host = "127.0.0.1" }: { host?: string } = {},
): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const smtp = env.SMTP_URL ? null : await startSmtpServer();
  const child: ChildProcess = spawn(process.execPath, ["server.mjs", "-p", String(port)], {
    cwd: webDir,
    env: {
      ...processEnv(),
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      PUBLIC_URL: `http://${host}:${port}`,
      ...(smtp ? { SMTP_URL: smtp.url } : {}),
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const url = `http://${host}:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`the web server exited with ${child.exitCode}: ${stderr}`);
    if (
      await fetch(url, { method: "HEAD" }).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: () => {
      child.kill("SIGTERM");
      void smtp?.stop();
    },
  };
}
