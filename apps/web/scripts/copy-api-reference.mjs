// Copies Scalar's self-contained browser bundle into public/, so the API reference page works
// without a CDN (offline installs, strict CSP). Runs before `next build` and `next dev`.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const entry = createRequire(import.meta.url).resolve("@scalar/api-reference");
const bundle = path.join(path.dirname(entry), "browser", "standalone.js");
const target = path.join(import.meta.dirname, "..", "public", "vendor", "scalar-api-reference.js");
mkdirSync(path.dirname(target), { recursive: true });
copyFileSync(bundle, target);
