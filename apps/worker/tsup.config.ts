import { defineConfig } from "tsup";

// Workspace packages ship TypeScript source, so they are bundled in, with whatever of their own
// dependencies the worker does not list; the worker's own npm dependencies stay external.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  noExternal: [/^@port443\//],
  // Bundled CommonJS code calls require() for Node built-ins; an ES module has no require of its own.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  sourcemap: true,
  clean: true,
});
