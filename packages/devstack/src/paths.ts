import path from "node:path";
import { fileURLToPath } from "node:url";
import { toolingEnv } from "@port443/config/tooling";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Everything the local services keep lives here (git-ignored) and survives restarts. */
export const dataDir = () => path.resolve(repoRoot, toolingEnv().PORT443_DATA_DIR ?? ".data");
