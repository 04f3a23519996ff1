import { describe, expect, it } from "vitest";
import { type AccountEmail, renderAccountEmail } from "../src";

const url = "http://localhost:3000/api/auth/verify-email?token=abc.def&callbackURL=%2Fonboarding";

describe("account emails", () => {
  it.each([
    [{ kind: "verify_email", url }, "Confirm your email for Port443", "Confirm email"],
    [{ kind: "reset_password", url }, "Reset your Port443 password", "Choose a new password"],
    [{ kind: "magic_link", url }, "Your Port443 sign-in link", "Sign in"],
    [
      { kind: "account_locked", url, minutes: 15 },
      "Password sign-in to your Port443 account is locked",
      "Choose a new password",
    ],
    [
      { kind: "second_factor_locked", url, minutes: 15 },
      "Sign-in to your Port443 account is locked",
      "Choose a new password",
    ],
    [
      { kind: "invitation", url, team: "Acme", inviter: "Ada Lovelace", role: "admin" },
      "Ada Lovelace invited you to Acme on Port443",
      "Accept invitation",
    ],
    [
      { kind: "confirm_recipient", url, team: "Acme" },
      "Confirm alerts from Acme on Port443",
      "Confirm alerts",
    ],
  ] as [AccountEmail, string, string][])(
    "renders %o with its subject, button and the link in HTML and text",
    async (email, subject, button) => {
      const rendered = await renderAccountEmail(email);
      expect(rendered.subject).toBe(subject);
      expect(rendered.html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
      expect(rendered.html).toContain(button);
      expect(rendered.text).toContain(url);
    },
  );

  it("says 'an admin' and 'a viewer' in invitations", async () => {
    const admin = await renderAccountEmail({
      kind: "invitation",
      url,
      team: "Acme",
      inviter: "Ada",
      role: "admin",
    });
    const viewer = await renderAccountEmail({
      kind: "invitation",
      url,
      team: "Acme",
      inviter: "Ada",
      role: "viewer",
    });
    expect(admin.text).toContain("as an admin");
    expect(viewer.text).toContain("as a viewer");
  });

  it("refuses a link that is not a URL", async () => {
    await expect(renderAccountEmail({ kind: "magic_link", url: "javascript-free text" })).rejects.toThrow(
      /account email/,
    );
  });
});
