import "server-only";
import { webEnv } from "@port443/config/web";
import { sendAccountEmail } from "./mail";

/**
 * Emails each new alert recipient outside the team its confirmation link. Returns a sentence for
 * the form when some could not be sent (the policy is saved either way; a link whose email was
 * lost is sent again on a save after it expires).
 */
export async function emailConfirmationLinks(
  team: string,
  links: { email: string; token: string }[],
): Promise<string | undefined> {
  const base = webEnv().PUBLIC_URL;
  const sent = await Promise.allSettled(
    links.map(({ email, token }) =>
      sendAccountEmail(email, {
        kind: "confirm_recipient",
        url: new URL(`/confirm-recipient/${token}`, base).toString(),
        team,
      }),
    ),
  );
  const failed = links.filter((_, index) => sent[index]!.status === "rejected").map((link) => link.email);
  if (failed.length) return `Saved, but the confirmation email to ${failed.join(", ")} could not be sent.`;
}
