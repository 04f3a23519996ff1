import path from "node:path";
import type { NextConfig } from "next";
import { securityHeaders } from "./src/security-headers";

const config: NextConfig = {
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
  // Workspace packages ship TypeScript source.
  transpilePackages: [
    "@port443/api",
    "@port443/auth",
    "@port443/config",
    "@port443/db",
    "@port443/email",
    "@port443/jobs",
    "@port443/monitoring",
    "@port443/net",
    "@port443/notice",
    "@port443/scanner",
    "@port443/services",
  ],
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "ioredis", "bullmq"],
  experimental: {
    // Next refuses larger action bodies with 413 before running the action. 2 MB holds the
    // largest form, a bulk import of 5,000 lines of the longest host:port (1.3 MB); Next's
    // default of 1 MB would cut that off.
    serverActions: { bodySizeLimit: "2mb" },
  },
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  poweredByHeader: false,
  typedRoutes: true,
};

export default config;
