import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export interface ReceivedMessage {
  /** Envelope sender and recipients (MAIL FROM / RCPT TO). */
  from: string;
  to: string[];
  /** The message as received, headers and MIME body. */
  raw: string;
  /** Credentials the client logged in with, if it did. */
  auth?: { username: string; password: string };
  /** Subject header with RFC 2047 encoded words decoded. */
  subject: string;
  /** The text/plain and text/html parts, transfer encoding undone, LF line ends (UTF-8 assumed). */
  text?: string;
  html?: string;
}

export interface SmtpTestServer {
  /** smtp://127.0.0.1:PORT, no auth needed. */
  url: string;
  port: number;
  messages: ReceivedMessage[];
  /** Resolves once `count` messages have arrived; rejects after timeoutMs (default 5 s). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** Stops listening; connections still open after 200 ms get a 421 and are closed. */
  stop(): Promise<void>;
  /** Listens again on the same port, to end a simulated outage. */
  start(): Promise<void>;
}

export interface SmtpTestServerOptions {
  /** Answer the first N messages with 451 (temporary failure) after DATA. */
  failFirst?: number;
  /** Refuse every recipient with this reply code, e.g. 550. */
  rejectWith?: number;
}

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

/**
 * A real SMTP server on loopback that records what it receives: plain SMTP (no STARTTLS, so
 * clients never need certificates), any or no credentials, 10 MB size limit.
 */
export async function startSmtpServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const messages: ReceivedMessage[] = [];
  const listeners = new Set<() => void>();
  let dataCount = 0;
  let server: SMTPServer | null = null;
  let port = 0;

  const serverOptions: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    size: 10 * 1024 * 1024,
    rejectOversized: true,
    logger: false,
    // stop() should not wait the default 30 s for clients that keep a connection open
    closeTimeout: 200,
    onAuth: (auth, _session, callback) =>
      callback(null, { user: { username: auth.username ?? "", password: auth.password ?? "" } }),
    onRcptTo: (_address, _session, callback) =>
      callback(options.rejectWith ? smtpError(options.rejectWith, "Mailbox unavailable") : null),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        dataCount += 1;
        if (dataCount <= (options.failFirst ?? 0)) {
          return callback(smtpError(451, "Temporary local problem, try again later"));
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const { mailFrom, rcptTo } = session.envelope;
        messages.push({
          from: mailFrom ? mailFrom.address : "",
          to: rcptTo.map((recipient) => recipient.address),
          auth: session.user as ReceivedMessage["auth"],
          raw,
          ...parseMessage(raw),
        });
        for (const listener of listeners) listener();
        callback();
      });
    },
  };

  const start = async () => {
    if (server) return;
    const next = new SMTPServer(serverOptions);
    // Client disconnects mid-session (the outage tests) are reported here; tests assert on what
    // the client saw. A failed listen still rejects through once() below.
    next.on("error", () => {});
    next.listen(port, "127.0.0.1");
    await once(next.server, "listening");
    port = (next.server.address() as AddressInfo).port;
    server = next;
  };

  const stop = async () => {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  const waitFor = (count: number, timeoutMs = 5_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (messages.length < count) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`Expected ${count} messages within ${timeoutMs} ms, got ${messages.length}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor,
    stop,
    start,
  };
}

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

/** Headers (unfolded, names lower-cased, first occurrence wins) and the body after the blank line. */
function splitPart(raw: string): MimePart {
  const blank = /\r?\n\r?\n/.exec(raw);
  const head = blank ? raw.slice(0, blank.index) : raw;
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n(?=[ \t])/g, "").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body: blank ? raw.slice(blank.index + blank[0].length) : "" };
}

const qpBytes = (text: string) =>
  Buffer.from(
    text
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    "latin1",
  );

/** RFC 2047: =?UTF-8?Q?...?= / =?UTF-8?B?...?=; adjacent words join without the space between them. */
function decodeWords(value: string): string {
  return value.replace(/(?:=\?[^?]+\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
    const trailing = /\s*$/.exec(run)?.[0] ?? "";
    const bytes = [...run.matchAll(/=\?[^?]+\?([BQ])\?([^?]*)\?=/gi)].map(([, encoding, text = ""]) =>
      encoding?.toUpperCase() === "B" ? Buffer.from(text, "base64") : qpBytes(text.replace(/_/g, " ")),
    );
    return Buffer.concat(bytes).toString("utf8") + trailing;
  });
}

/** The part's text with the transfer encoding undone and SMTP's CRLF line ends turned back into LF. */
function decodeBody({ headers, body }: MimePart): string {
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  const decoded =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? qpBytes(body).toString("utf8")
        : body;
  return decoded.replace(/\r\n/g, "\n");
}

/** The first text/plain and text/html leaves, searched depth first through multipart bodies. */
function findBodies(part: MimePart, found: { text?: string; html?: string }) {
  const type = part.headers.get("content-type")?.toLowerCase() ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(part.headers.get("content-type") ?? "")?.[1];
  if (type.startsWith("multipart/") && boundary) {
    const sections = part.body.split(`--${boundary}`).slice(1, -1);
    for (const section of sections)
      findBodies(splitPart(section.replace(/^\r?\n/, "").replace(/\r?\n$/, "")), found);
  } else if (type.startsWith("text/html")) {
    found.html ??= decodeBody(part);
  } else if (type.startsWith("text/plain")) {
    found.text ??= decodeBody(part);
  }
}

/** Minimal MIME reading, enough to assert on what a mailer sent. */
function parseMessage(raw: string): Pick<ReceivedMessage, "subject" | "text" | "html"> {
  const message = splitPart(raw);
  const found: { text?: string; html?: string } = {};
  findBodies(message, found);
  return { subject: decodeWords(message.headers.get("subject") ?? ""), ...found };
}
