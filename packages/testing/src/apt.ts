import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const APT_GET = "/usr/bin/apt-get";
const FLOCK = "/usr/bin/flock";
/**
 * One lock on the machine for every install of ours: parallel test files and `npm start` queue
 * behind it instead of racing for dpkg's lock. flock's lock goes with its process, so a killed run
 * leaves nothing stale behind.
 */
const LOCK = path.join(os.tmpdir(), "port443-apt.lock");

/** Debian, Ubuntu and their derivatives, by /etc/os-release. */
function debianLike(): boolean {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    const ids = [...release.matchAll(/^(?:ID|ID_LIKE)="?([^"\n]*)"?$/gm)].flatMap((match) =>
      (match[1] ?? "").split(/\s+/),
    );
    return ids.includes("debian") || ids.includes("ubuntu");
  } catch {
    return false;
  }
}

/** Whether this process may install the distribution's packages: root on Debian/Ubuntu. */
export function canAptInstall(): boolean {
  return process.getuid?.() === 0 && existsSync(APT_GET) && existsSync(FLOCK) && debianLike();
}

/** Runs apt-get non-interactively under our lock; resolves with its exit code and output. */
function aptGet(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      FLOCK,
      [
        "--wait",
        "900",
        LOCK,
        "env",
        "DEBIAN_FRONTEND=noninteractive",
        APT_GET,
        "-qq",
        // Someone else's apt (unattended-upgrades, a person): wait for it rather than fail.
        "-o",
        "DPkg::Lock::Timeout=300",
        ...args,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (data) => (output += data));
    child.stderr.on("data", (data) => (output += data));
    child.once("error", (error) => resolve({ code: null, output: `${output}${error.message}\n` }));
    child.once("close", (code) => resolve({ code, output }));
  });
}

/**
 * Installs Debian packages (without recommends). The package lists are fetched only when the
 * install fails without them: fresh containers ship none, and old ones point at removed files.
 * Throws with the end of apt-get's output when the packages could not be installed.
 */
export async function aptInstall(packages: string[]): Promise<void> {
  const install = ["install", "-y", "--no-install-recommends", ...packages];
  let result = await aptGet(install);
  if (result.code !== 0) {
    const update = await aptGet(["update"]);
    result = update.code === 0 ? await aptGet(install) : update;
  }
  if (result.code !== 0) {
    const tail = result.output.trim().split("\n").slice(-15).join("\n");
    throw new Error(`apt-get install ${packages.join(" ")} failed (exit ${result.code}):\n${tail}`);
  }
}
