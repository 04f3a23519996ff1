import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { processEnv } from "@port443/config";
import { freePort } from "@port443/testing";

const webDir = path.resolve(import.meta.dirname, "../..");
const nextBin = createRequire(path.join(webDir, "package.json")).resolve("next/dist/bin/next");

/** Runs the production build (`next start`), as `npm start` does. */
export async function startWeb(env: Record<string, string>): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    cwd: webDir,
    env: {
      ...processEnv(),
      NODE_ENV: "production",
      AUTH_SECRET: "web-test-secret-with-at-least-32-characters",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (
      await fetch(url, { method: "HEAD" }).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop: () => child.kill("SIGTERM") };
}
