import path from "node:path";
import type { NextConfig } from "next";

/**
 * Every response: no framing (clickjacking), no MIME sniffing, no referrer beyond our origin, and
 * a CSP allowing only our own scripts, styles, images and connections. Next.js inlines its
 * bootstrap scripts and React its style attributes, hence 'unsafe-inline' for those two; nothing
 * is loaded from another origin (the API reference's bundle is served from /vendor).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

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
