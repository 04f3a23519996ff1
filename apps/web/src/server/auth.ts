import "server-only";
import { type Auth, createAuth } from "@port443/auth";
import { webEnv } from "@port443/config/web";
import { createMailer, renderAccountEmail } from "@port443/email";
import { prisma } from "./clients";

const holder = globalThis as typeof globalThis & { __port443Auth?: Auth };

/** Sign-in for this process; its emails go out through SMTP_URL (logged when unset, in development). */
export function auth(): Auth {
  if (!holder.__port443Auth) {
    const env = webEnv();
    const mailer = env.SMTP_URL ? createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }) : null;
    holder.__port443Auth = createAuth({
      prisma: prisma(),
      secret: env.AUTH_SECRET,
      baseUrl: env.PUBLIC_URL,
      async sendEmail(to, email) {
        const rendered = await renderAccountEmail(email);
        if (mailer) await mailer.send({ to, ...rendered });
        else console.warn(`[auth] SMTP_URL is not set; email to ${to}: ${rendered.subject} ${email.url}`);
      },
    });
  }
  return holder.__port443Auth;
}
