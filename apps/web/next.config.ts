import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: [
    "@port443/api",
    "@port443/auth",
    "@port443/config",
    "@port443/db",
    "@port443/email",
    "@port443/jobs",
    "@port443/monitoring",
    "@port443/notice",
    "@port443/scanner",
    "@port443/services",
  ],
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "ioredis", "bullmq"],
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  poweredByHeader: false,
  typedRoutes: true,
};

export default config;
