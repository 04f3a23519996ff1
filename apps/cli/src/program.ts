import { Command } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { registerScan } from "./commands/scan";

/** The command tree. */
export function createProgram(): Command {
  const program = new Command()
    .name("port443")
    .description("Certificate and TLS monitoring: scan endpoints, gate deploys, manage monitored domains.")
    .version(packageJson.version, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run port443 --help for usage)");
  registerScan(program);
  return program;
}
