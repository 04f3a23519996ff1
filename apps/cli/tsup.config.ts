import { defineConfig } from "tsup";

// The pipeline edition of the command (`check`, `domains`) as one dependency-free file, which the
// web app serves at /cli/port443.mjs: a CI job needs only Node.js and its Port443 server.
export default defineConfig({
  entry: { port443: "src/pipeline-bin.ts" },
  outExtension: () => ({ js: ".mjs" }),
  format: ["esm"],
  platform: "node",
  target: "node20",
  noExternal: [/.*/],
  // Bundled CommonJS code calls require() for Node built-ins; an ES module has no require of its own.
  banner: {
    js: '#!/usr/bin/env node\nimport { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  // One file to download, whatever the modules load lazily.
  splitting: false,
  minify: true,
  clean: true,
});
