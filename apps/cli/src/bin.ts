import { registerAdmin } from "./commands/admin";
import { registerCheck } from "./commands/check";
import { registerDomains } from "./commands/domains";
import { registerScan } from "./commands/scan";
import { run } from "./run";

/** The full command, run from a clone (`pnpm -s port443`). */
await run([registerScan, registerCheck, registerDomains, registerAdmin]);
