import type { Command } from "commander";
import { UsageError } from "../scan/targets";
import { ApiError } from "./client";

/**
 * Runs an API command and exits with the status it returns. Usage errors exit 2 with the usage
 * hint; API errors exit 2 with the API's explanation and no hint, since the usage was fine.
 */
export async function runApiAction(command: Command, work: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await work();
  } catch (error) {
    if (error instanceof UsageError) command.error(`error: ${error.message}`, { exitCode: 2 });
    if (!(error instanceof ApiError)) throw error;
    process.stderr.write(`error: ${error.message}\n${error.details.map((line) => `  ${line}\n`).join("")}`);
    process.exitCode = 2;
  }
}
