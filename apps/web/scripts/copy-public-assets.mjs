// Copies built files the web app serves as they are into public/ (git-ignored), before `next
// build` and `next dev`:
// - Scalar's self-contained API reference bundle, so /docs/api needs no CDN (offline, strict CSP);
// - the pipeline edition of the port443 command (apps/cli), so a CI job downloads it from its
//   own Port443 server.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const publicDir = path.join(import.meta.dirname, "..", "public");
const copies = [
  [
    path.join(path.dirname(require.resolve("@scalar/api-reference")), "browser", "standalone.js"),
    "vendor/scalar-api-reference.js",
  ],
  [require.resolve("@port443/cli/pipeline"), "cli/port443.mjs"],
];
for (const [from, to] of copies) {
  const target = path.join(publicDir, to);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(from, target);
}
