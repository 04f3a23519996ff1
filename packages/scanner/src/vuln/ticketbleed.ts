import { randomBytes } from "node:crypto";
import { alertName, parseAlert } from "../wire/alerts";
import { buildClientHello, type TlsProtocolId } from "../wire/client-hello";
import { Conversation } from "../wire/conversation";
import { ContentType, HandshakeType } from "../wire/extension-types";
import { parseServerHello } from "../wire/server-hello";
import { describeRecordOrEnd } from "./describe";
import { newestLegacy, protocolLabel } from "./offer";
import { parseSslSession } from "./session-der";
import { connectTls } from "./tls-client";
import type { VulnCheck, VulnOutcome, VulnTarget } from "./types";

/** Shorter than a full session id, so a buggy echo shows bytes the client never sent. */
const OUR_ID_LENGTH = 16;
const FULL_ID_LENGTH = 32;
/** As testssl.sh: memory that differs from one resumption to the next is what tells a leak. */
const TRIES = 3;
/** TLS 1.2 tickets come inside the handshake; this only covers a session event that lags it. */
const SESSION_WAIT_MS = 500;

interface Issued {
  version: TlsProtocolId;
  cipherSuite: number;
  ticket: Buffer;
}

/** A ticket from one ordinary TLS ≤ 1.2 handshake, read from the session Node's OpenSSL keeps. */
async function issuedTicket(target: VulnTarget): Promise<Issued | { none: string } | { reason: string }> {
  const connected = await connectTls(target, "legacy");
  if (!connected.ok)
    return { reason: `could not complete a handshake to obtain a ticket: ${connected.reason}` };
  const { socket, protocol, waitForSessions } = connected.connection;
  const sessions = await waitForSessions(
    Math.min(SESSION_WAIT_MS, target.timeoutMs),
    (seen) => seen.length > 0,
  );
  socket.destroy();
  const parsed = sessions.map(parseSslSession);
  const bad = parsed.find((session) => !session.ok);
  if (bad && !bad.ok) return { reason: `the TLS session could not be read: ${bad.detail}` };
  for (const session of parsed) {
    if (session.ok && session.value.ticket)
      return { version: protocol, cipherSuite: session.value.cipherSuite, ticket: session.value.ticket };
  }
  return { none: `A ${protocolLabel(protocol)} handshake got no session ticket: the server issues none.` };
}

/** What a resumption attempt came to. */
type Answer =
  | { kind: "echoed" }
  /** 32 bytes that start with ours: `memory` is what follows them. */
  | { kind: "padded"; memory: Buffer }
  /** Another session id: the ticket was not used, a full handshake followed. */
  | { kind: "fresh" }
  | { kind: "alert"; name: string }
  | { kind: "none"; reason: string };

async function resume(target: VulnTarget, issued: Issued, ourId: Buffer): Promise<Answer> {
  const opened = await Conversation.open(target);
  if ("end" in opened) return { kind: "none", reason: `could not connect (${describeRecordOrEnd(opened)})` };
  opened.send(
    buildClientHello({
      version: issued.version,
      cipherSuites: [issued.cipherSuite],
      servername: target.servername,
      sessionId: ourId,
      sessionTicket: issued.ticket,
    }),
  );
  const read = await opened.handshakeUntil(HandshakeType.serverHello);
  opened.close();
  if ("stop" in read) {
    const { stop } = read;
    if ("end" in stop) return { kind: "none", reason: describeRecordOrEnd(stop) };
    const alert = stop.type === ContentType.alert ? parseAlert(stop.body) : undefined;
    if (alert?.ok) return { kind: "alert", name: alertName(alert.value.code) };
    return { kind: "none", reason: `a record of type ${stop.type} came instead of a ServerHello` };
  }
  const hello = parseServerHello(read.messages.at(-1)![1]);
  if (!hello.ok) return { kind: "none", reason: `the ServerHello was malformed (${hello.detail})` };
  const { sessionId } = hello.value;
  if (sessionId.equals(ourId)) return { kind: "echoed" };
  if (sessionId.length === FULL_ID_LENGTH && sessionId.subarray(0, ourId.length).equals(ourId))
    return { kind: "padded", memory: sessionId.subarray(ourId.length) };
  return { kind: "fresh" };
}

/** The answers that settle it at the first attempt, in words. */
function settled(answer: Extract<Answer, { kind: "echoed" | "fresh" | "alert" }>): string {
  if (answer.kind === "alert") return `the server answered alert ${answer.name}`;
  return answer.kind === "echoed"
    ? "the server echoed the id as sent"
    : "the server ignored the ticket and began a full handshake";
}

/**
 * CVE-2016-9244 (F5 BIG-IP): resuming with a ticket and a session id shorter than 32 bytes, the
 * server echoes 32 bytes anyway, the rest taken from uninitialised memory. Done as testssl.sh
 * does: three resumptions with the same id; the bytes past it differing each time is the leak.
 */
export const ticketbleed: VulnCheck = {
  id: "vuln.ticketbleed",
  applies: (context) => newestLegacy(context) !== undefined,
  async run(target): Promise<VulnOutcome> {
    const issued = await issuedTicket(target);
    if ("reason" in issued) return { status: "incomplete", reason: issued.reason };
    if ("none" in issued) return { status: "not_applicable", detail: issued.none };
    const ourId = randomBytes(OUR_ID_LENGTH);
    const sent = `a ${protocolLabel(issued.version)} hello resuming the server's session ticket with a ${OUR_ID_LENGTH}-byte session id`;
    const first = await resume(target, issued, ourId);
    if (first.kind === "none") return { status: "incomplete", reason: `sent ${sent}; ${first.reason}` };
    if (first.kind !== "padded") return { status: "ok", detail: `Sent ${sent}: ${settled(first)}.` };

    const memories = [first.memory];
    for (let attempt = 2; attempt <= TRIES; attempt++) {
      const answer = await resume(target, issued, ourId);
      if (answer.kind !== "padded")
        return {
          status: "incomplete",
          reason: `sent ${sent} ${TRIES} times; the first answer padded the id to ${FULL_ID_LENGTH} bytes, attempt ${attempt} did not (${answer.kind === "none" ? answer.reason : answer.kind})`,
        };
      memories.push(answer.memory);
    }
    const leaked = FULL_ID_LENGTH - OUR_ID_LENGTH;
    const differing = memories.every((memory, index) => index === 0 || !memory.equals(memories[index - 1]!));
    return differing
      ? {
          status: "vulnerable",
          detail: `Sent ${sent} ${TRIES} times: each time the server echoed a ${FULL_ID_LENGTH}-byte id whose last ${leaked} bytes changed, leaking ${leaked} bytes of its memory per handshake.`,
        }
      : {
          status: "ok",
          detail: `Sent ${sent} ${TRIES} times: the server padded the id to ${FULL_ID_LENGTH} bytes, but with the same bytes every time, which is no memory leak.`,
        };
  },
};
