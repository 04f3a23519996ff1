/**
 * Every response: no framing (clickjacking), no MIME sniffing, no referrer beyond our origin, and
 * a CSP allowing only our own scripts, styles, images and connections. Next.js inlines its
 * bootstrap scripts and React its style attributes, hence 'unsafe-inline' for those two; nothing
 * is loaded from another origin (the API reference's bundle is served from /vendor). Next.js
 * sends them (next.config.ts), and so does the lean API server beside it (src/api-server).
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

export const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
