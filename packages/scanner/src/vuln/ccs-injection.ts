import { alertName, parseAlert } from "../wire/alerts";
import { u8, u16, vector } from "../wire/bytes";
import { buildClientHello } from "../wire/client-hello";
import { Conversation, type ConversationEnd, type ServerRecord } from "../wire/conversation";
import { ContentType, HandshakeType } from "../wire/extension-types";
import { parseServerHello } from "../wire/server-hello";
import { describeRecordOrEnd } from "./describe";
import { newestLegacy, protocolLabel, suitesFor } from "./offer";
import type { VulnCheck, VulnOutcome } from "./types";

/**
 * The wait for an answer to the first ChangeCipherSpec: a patched server refuses it at once, a
 * vulnerable one says nothing. The second CCS gets the target's whole timeout, as a vulnerable
 * server always answers it and a late answer must not pass for silence.
 */
const FIRST_ANSWER_WAIT_MS = 1_000;
const UNEXPECTED_MESSAGE = 10;
const HANDSHAKE_FAILURE = 40;
/** What a server that took the early CCS says when the next record fails under its null keys. */
const BAD_RECORD_MAC = 20;
const DECRYPTION_FAILED = 21;

const alertCode = (answer: ServerRecord | ConversationEnd): number | undefined => {
  if (!("type" in answer) || answer.type !== ContentType.alert) return undefined;
  const alert = parseAlert(answer.body);
  return alert.ok ? alert.value.code : undefined;
};

/** The refusals testssl.sh counts as not vulnerable: unexpected_message, handshake_failure. */
const isRefusal = (answer: ServerRecord | ConversationEnd): boolean => {
  const code = alertCode(answer);
  return code === UNEXPECTED_MESSAGE || code === HANDSHAKE_FAILURE;
};

const isEnd = (answer: ServerRecord | ConversationEnd, end: "timeout" | "closed"): boolean =>
  "end" in answer && answer.end === end;

/**
 * CVE-2014-0224 (OpenSSL before 0.9.8za, 1.0.0m, 1.0.1h): a ChangeCipherSpec before the key
 * exchange is accepted, and the keys derived then are known to a man in the middle. Probed as
 * testssl.sh does: the CCS right after the server's first flight, and again; a patched server
 * refuses the first (unexpected_message), a vulnerable one takes it and fails to decrypt the second.
 */
export const ccsInjection: VulnCheck = {
  id: "vuln.ccs_injection",
  applies: (context) => newestLegacy(context) !== undefined,
  async run(target, context): Promise<VulnOutcome> {
    const version = newestLegacy(context)!;
    const conversation = await Conversation.open(target);
    if (!(conversation instanceof Conversation))
      return { status: "incomplete", reason: `could not connect (${describeRecordOrEnd(conversation)})` };
    try {
      conversation.send(
        buildClientHello({
          version,
          cipherSuites: suitesFor(context, version),
          servername: target.servername,
        }),
      );
      const flight = await conversation.handshakeUntil(HandshakeType.serverHelloDone);
      if ("stop" in flight)
        return {
          status: "incomplete",
          reason: `a ${protocolLabel(version)} hello got ${describeRecordOrEnd(flight.stop)} before ServerHelloDone`,
        };
      const [type, body] = flight.messages[0]!;
      const hello = type === HandshakeType.serverHello ? parseServerHello(body) : undefined;
      if (!hello?.ok)
        return {
          status: "incomplete",
          reason: `a ${protocolLabel(version)} hello got a flight that does not start with a readable ServerHello`,
        };
      // In the negotiated record version: OpenSSL refuses records of any other before the CCS counts.
      const ccs = Buffer.concat([
        u8(ContentType.changeCipherSpec),
        u16(hello.value.version),
        vector(2, u8(1)),
      ]);
      const sent = `a ChangeCipherSpec right after the server's ${protocolLabel(version)} hello`;

      conversation.send(ccs);
      const first = await conversation.nextRecord(Math.min(FIRST_ANSWER_WAIT_MS, target.timeoutMs));
      if (isRefusal(first) || isEnd(first, "closed"))
        return {
          status: "ok",
          detail: `Sent ${sent}: the server refused it with ${describeRecordOrEnd(first)}.`,
        };
      // Only silence is what a vulnerable server gives; anything else leaves the second CCS unread.
      if (!isEnd(first, "timeout"))
        return {
          status: "incomplete",
          reason: `sent ${sent}; it answered with ${describeRecordOrEnd(first)}, which tells neither way`,
        };

      conversation.send(ccs);
      const second = await conversation.nextRecord();
      const code = alertCode(second);
      if (code === BAD_RECORD_MAC || code === DECRYPTION_FAILED)
        return {
          status: "vulnerable",
          detail: `Sent ${sent}, then another: the server took the first and failed to decrypt the second with ${alertName(code)}, so it had switched to keys derived before any key exchange.`,
        };
      // testssl.sh counts an empty answer (silence or a close) as not vulnerable.
      if (isRefusal(second) || isEnd(second, "timeout") || isEnd(second, "closed"))
        return {
          status: "ok",
          detail: `Sent ${sent}, then another: the server answered with ${describeRecordOrEnd(second)}, no decryption failure.`,
        };
      return {
        status: "incomplete",
        reason: `sent ${sent}, then another; it answered with ${describeRecordOrEnd(second)}, which tells neither way`,
      };
    } finally {
      conversation.close();
    }
  },
};
