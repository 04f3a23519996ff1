import type { Route } from "next";

/**
 * The second step's page for a sign-in headed to `next`; `code` says whether the account has an
 * authenticator app (else only its passkeys can finish it).
 */
export const secondStepUrl = (next: string, code: boolean) =>
  `/two-factor?next=${encodeURIComponent(next)}${code ? "" : "&methods=passkey"}` as Route;
