import type { z } from "zod";
import { weakSecretReason } from "./secret-strength";

interface SignInSettings {
  NODE_ENV: string;
  AUTH_SECRET: string;
  SMTP_URL?: string | undefined;
}

/**
 * What the web process refuses to run with in production, where development allows it: a secret
 * anyone could know or guess signs sessions for every user, and without SMTP the sign-in, reset
 * and magic links (each as good as a password) could only be logged, where more people read them.
 */
export function refuseUnsafeProduction(env: SignInSettings, context: z.RefinementCtx): void {
  if (env.NODE_ENV !== "production") return;
  const weak = weakSecretReason("AUTH_SECRET", env.AUTH_SECRET);
  if (weak) context.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: weak });
  if (!env.SMTP_URL)
    context.addIssue({
      code: "custom",
      path: ["SMTP_URL"],
      message: "SMTP_URL is required in production: sign-in and reset links are never written to the log",
    });
}
