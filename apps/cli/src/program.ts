import { Command } from "commander";
import packageJson from "../package.json" with { type: "json" };

/** The command tree; subcommands register themselves here as they are built. */
export function createProgram(): Command {
  return new Command()
    .name("port443")
    .description("Certificate and TLS monitoring: scan endpoints, gate deploys, manage monitored domains.")
    .version(packageJson.version, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run port443 --help for usage)");
}
