import "server-only";
import { webEnv } from "@port443/config/web";
import { type AccountEmail, createMailer, type Mailer, renderAccountEmail } from "@port443/email";

const holder = globalThis as typeof globalThis & { __port443Mailer?: Mailer | null };

/**
 * Sends an email the web process sends itself (sign-in's, and alert recipient confirmations)
 * through SMTP_URL; without it, in development, logs the link instead.
 */
export async function sendAccountEmail(to: string, email: AccountEmail) {
  if (holder.__port443Mailer === undefined) {
    const env = webEnv();
    holder.__port443Mailer = env.SMTP_URL
      ? createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM })
      : null;
  }
  const rendered = await renderAccountEmail(email);
  if (holder.__port443Mailer) await holder.__port443Mailer.send({ to, ...rendered });
  else console.warn(`[mail] SMTP_URL is not set; email to ${to}: ${rendered.subject} ${email.url}`);
}
