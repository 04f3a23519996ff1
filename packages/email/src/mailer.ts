import nodemailer from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
  /** Connects, greets and authenticates without sending: a startup/health check. */
  verify(): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS). */
  smtpUrl: string;
  /** The From header, e.g. "Port443 <alerts@port443.dev>". */
  from: string;
  /** Bound on connecting, the server greeting and each wait on the socket. */
  timeoutMs?: number;
}

/**
 * Reads the URL with WHATWG URL rather than handing it to nodemailer, which would let query
 * parameters such as ?pool=true override the settings below. Errors never repeat the URL: it
 * holds the password.
 */
function connectionOptions(smtpUrl: string) {
  const url = URL.canParse(smtpUrl) ? new URL(smtpUrl) : null;
  if (!url || (url.protocol !== "smtp:" && url.protocol !== "smtps:") || !url.hostname) {
    throw new Error("SMTP URL must look like smtp://user:pass@host:port or smtps://user:pass@host:port");
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : undefined,
    secure: url.protocol === "smtps:",
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
  };
}

/**
 * One SMTP connection per message (no pool): alert mail is sparse, and a fresh connection never
 * trips over one the server silently dropped. Errors propagate; the delivery job retries, using
 * isPermanentSmtpError to tell which failures are worth retrying.
 */
export function createMailer({ smtpUrl, from, timeoutMs = 10_000 }: MailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    ...connectionOptions(smtpUrl),
    pool: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({ ...message, from });
      return { messageId: info.messageId };
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}

/**
 * True when the server refused the message for good (a 5xx reply: 550 mailbox unavailable, 554
 * rejected, 535 bad credentials), so retrying the same message is pointless. Connection errors,
 * timeouts and 4xx replies are transient. Nodemailer 10 classifies the reply itself
 * (`err.permanent`); it treats 503 (bad command sequence) as transient, a session problem that a
 * new connection fixes.
 */
export function isPermanentSmtpError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "permanent" in error && error.permanent === true;
}
