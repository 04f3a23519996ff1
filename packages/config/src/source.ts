import type { EnvSource } from "./parse";

/** The one place that reads the process environment. */
export const processEnv = (): EnvSource => process.env;
