import { Command } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { registerAdmin } from "./commands/admin";
import { registerCheck } from "./commands/check";
import { registerDomains } from "./commands/domains";
import { registerScan } from "./commands/scan";

/** The command tree. */
export function createProgram(): Command {
  const program = new Command()
    .name("port443")
    .description("Certificate and TLS monitoring: scan endpoints, gate deploys, manage monitored domains.")
    .version(packageJson.version, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run port443 --help for usage)")
    // Usage errors throw instead of exiting, so bin.ts can map them to exit status 2; subcommands
    // inherit this when they are added.
    .exitOverride();
  registerScan(program);
  registerCheck(program);
  registerDomains(program);
  registerAdmin(program);
  return program;
}
