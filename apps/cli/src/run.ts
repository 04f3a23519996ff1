import { CommanderError } from "commander";
import { createProgram, type RegisterCommand } from "./program";

/** Exit status: 0 ok, 1 a check or scan failed its threshold, 2 usage or runtime error. */
export async function run(commands: RegisterCommand[]): Promise<void> {
  try {
    await createProgram(commands).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
