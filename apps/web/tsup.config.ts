import { defineConfig } from "tsup";

// The lean API server (src/api-server), which server.mjs loads beside Next.js: workspace packages
// ship TypeScript source, so they are bundled in, with whatever of their own dependencies the web
// app does not list; the web app's own npm dependencies stay external.
export default defineConfig({
  entry: { "api-server": "src/api-server/index.ts" },
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
