import { createHash } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";

const prefix = "sha256:";

/** A backup code as stored: its SHA-256, so a database dump shows no code that still works. */
export const hashBackupCode = (code: string) =>
  `${prefix}${createHash("sha256").update(code.trim()).digest("base64url")}`;

/**
 * How the two-factor plugin keeps backup codes: it hands us the JSON list to "encrypt" when it
 * makes codes (plain) and when one was used (the rest, already hashed), and compares the code a
 * person types with what we "decrypt". So we store hashes, return them as they are, and hash
 * the typed code before the plugin compares (`hashTypedBackupCodes`). Codes are 10 random
 * letters and digits (about 60 bits), so a plain SHA-256 is enough, as for API keys.
 */
export const hashedBackupCodes = {
  async encrypt(json: string): Promise<string> {
    const codes = JSON.parse(json) as string[];
    return JSON.stringify(codes.map((code) => (code.startsWith(prefix) ? code : hashBackupCode(code))));
  },
  async decrypt(stored: string): Promise<string> {
    return stored;
  },
};

/** The typed backup code, hashed before the plugin compares it with the stored hashes. */
export function hashTypedBackupCodes(): BetterAuthPlugin {
  return {
    id: "port443-backup-codes",
    hooks: {
      before: [
        {
          matcher: (context) => context.path === "/two-factor/verify-backup-code",
          handler: createAuthMiddleware(async (ctx) => {
            const body = ctx.body as { code?: unknown } | undefined;
            if (typeof body?.code !== "string") return;
            return { context: { body: { ...body, code: hashBackupCode(body.code) } } };
          }),
        },
      ],
    },
  };
}
