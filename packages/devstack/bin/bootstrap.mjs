#!/usr/bin/env node
// `npm start` / `npm test` entry point. Runs before any dependency is installed, so it uses
// Node's standard library only: it brings the pinned pnpm, installs the workspace, then hands
// over to the devstack command (TypeScript, run by tsx) with the same arguments.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const { packageManager } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const pnpmVersion = packageManager.replace(/^pnpm@/, "");
const toolsDir = path.join(root, ".tools");
const toolsBin = path.join(toolsDir, "node_modules", ".bin");

function log(message) {
  process.stderr.write(`\x1b[2m[port443]\x1b[0m ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    log(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function installedPnpmVersion() {
  const bin = path.join(toolsBin, "pnpm");
  if (!existsSync(bin)) return undefined;
  const result = spawnSync(bin, ["--version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

if (installedPnpmVersion() !== pnpmVersion) {
  log(`installing pnpm ${pnpmVersion} into .tools/`);
  run("npm", [
    "install",
    "--prefix",
    toolsDir,
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    `pnpm@${pnpmVersion}`,
  ]);
}

// Child processes (turbo runs `pnpm run …`) find the pinned pnpm first.
const env = { ...process.env, PATH: `${toolsBin}${path.delimiter}${process.env.PATH ?? ""}` };
log("installing dependencies (pnpm install --frozen-lockfile)");
run(path.join(toolsBin, "pnpm"), ["install", "--frozen-lockfile", "--reporter=append-only"], { env });

// Node runs the devstack itself (through tsx's loader), so signals reach it without a shell between.
const entry = path.join(root, "packages/devstack/src/bin.ts");
const child = spawn(process.execPath, ["--import", "tsx", entry, ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});
// Ctrl-C reaches the whole process group; the devstack shuts down on its own and we wait for it.
// SIGTERM or SIGHUP may be aimed at us alone (a supervisor that knows only npm's pid): pass it on.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => child.kill("SIGTERM"));
process.on("SIGHUP", () => child.kill("SIGTERM"));
// When npm itself is killed, we are orphaned; stop the devstack rather than run on unattended.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) child.kill("SIGTERM");
}, 1_000).unref();
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
