import { registerCheck } from "./commands/check";
import { registerDomains } from "./commands/domains";
import { run } from "./run";

/**
 * `port443` for CI jobs: only the commands that talk to a Port443 server, bundled by tsup into
 * one file that the web app serves at /cli/port443.mjs.
 */
await run([registerCheck, registerDomains]);
