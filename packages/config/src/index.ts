export { EnvError, type EnvSource, lazyEnv, parseEnv } from "./parse";
export { processEnv } from "./source";
