import { log } from "./log";

const [command, ...args] = process.argv.slice(2);

const commands: Record<string, () => Promise<number>> = {
  start: async () => (await import("./commands/start")).start(),
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

const handler = command ? commands[command] : undefined;
if (!handler) {
  log(`usage: devstack <${Object.keys(commands).join("|")}>`);
  process.exit(2);
}

handler().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    if (error instanceof Error && error.cause) log(`cause: ${String(error.cause)}`);
    process.exit(1);
  },
);
