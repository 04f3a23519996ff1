import { toolingEnv } from "@port443/config/tooling";
import { log } from "./log";
import { watchParent } from "./parent";

const [command, ...args] = process.argv.slice(2);

const commands: Record<string, () => Promise<number>> = {
  start: async () => (await import("./commands/start")).start({ build: !args.includes("--no-build") }),
  test: async () => (await import("./commands/test")).test(),
  services: async () => (await import("./commands/services")).services(),
  migrate: async () => {
    await (await import("./commands/migrate")).migrate();
    return 0;
  },
  migration: async () => {
    await (await import("./commands/migrate")).migration(args[0]);
    return 0;
  },
};

// When whoever started us stops reading (npm exited, a closed pipe), writes fail with EPIPE; that
// must not crash the process that still has services to stop.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
watchParent();

const handler = command ? commands[command] : undefined;
if (!handler) {
  log(`usage: devstack <${Object.keys(commands).join("|")}>`);
  process.exit(2);
}

/** DEBUG=port443 (alone or in a list) asks for stacks; an unreadable environment is no reason to hide the error. */
function debug(): boolean {
  try {
    return /\bport443\b/.test(toolingEnv().DEBUG ?? "");
  } catch {
    return false;
  }
}

handler().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // One readable line (service, cause, fix); the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    log(
      message
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .join(" "),
    );
    if (debug() && error instanceof Error) {
      log(`${error.stack}${error.cause ? `\ncause: ${String(error.cause)}` : ""}`);
    }
    process.exit(1);
  },
);
