import { Command } from "commander";
import packageJson from "../package.json" with { type: "json" };

export type RegisterCommand = (program: Command) => void;

/** The command tree with the given commands (each entry point picks its own, see bin.ts). */
export function createProgram(commands: RegisterCommand[]): Command {
  const program = new Command()
    .name("port443")
    .description("Certificate and TLS monitoring: scan endpoints, gate deploys, manage monitored domains.")
    .version(packageJson.version, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run port443 --help for usage)")
    // Usage errors throw instead of exiting, so run.ts can map them to exit status 2; subcommands
    // inherit this when they are added.
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}
