import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./paths";

/** Folders of the workspace packages (apps/* and packages/*). */
export function workspacePackageDirs(): string[] {
  return ["apps", "packages"].flatMap((group) => {
    const base = path.join(repoRoot, group);
    return existsSync(base)
      ? readdirSync(base)
          .map((name) => path.join(base, name))
          .filter((dir) => existsSync(path.join(dir, "package.json")))
      : [];
  });
}
