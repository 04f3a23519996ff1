import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../ports";
import type { IssuedCert } from "./pki";

export interface OpensslServer {
  port: number;
  /** Kills the server and removes its key files. */
  close(): Promise<void>;
}

/**
 * `openssl s_server` on 127.0.0.1 serving `chain` (leaf first), with extra `flags`: a TLS stack
 * other than Node's, with switches Node has no option for (-client_renegotiation, -early_data,
 * -no_ticket). It serves one connection at a time. Resolves once it listens. Its stdin stays open
 * because, without -www, s_server ends a connection when stdin reaches end of file.
 */
export async function startOpensslServer(
  chain: IssuedCert[],
  flags: string[],
  timeoutMs = 5_000,
): Promise<OpensslServer> {
  const [leaf, ...intermediates] = chain;
  const directory = await mkdtemp(path.join(tmpdir(), "s_server-"));
  const file = (name: string) => path.join(directory, name);
  await writeFile(file("key.pem"), leaf!.keyPem);
  await writeFile(file("cert.pem"), leaf!.pem);
  await writeFile(file("chain.pem"), intermediates.map((cert) => cert.pem).join(""));
  const port = await freePort();
  const child = spawn(
    "openssl",
    [
      "s_server",
      "-accept",
      `127.0.0.1:${port}`,
      "-key",
      file("key.pem"),
      "-cert",
      file("cert.pem"),
      ...(intermediates.length ? ["-cert_chain", file("chain.pem")] : []),
      ...flags,
    ],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
    await rm(directory, { recursive: true, force: true });
  };
  // Kept until it listens, for the error; later output is read and dropped so a full pipe never blocks it.
  let output = "";
  let started = false;
  const listening = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const collect = (chunk: Buffer) => {
      if (started) return;
      output += chunk.toString();
      if (output.includes("ACCEPT")) {
        started = true;
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!(await listening)) {
    await close();
    throw new Error(`openssl s_server ${flags.join(" ")} did not start: ${output.trim().slice(0, 500)}`);
  }
  return { port, close };
}
