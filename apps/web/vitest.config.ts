import path from "node:path";
import { mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.ts";

// `@/…` is the app's import alias for src/ (tsconfig paths), which Next.js resolves by itself.
export default mergeConfig(sharedTestConfig, {
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
});
