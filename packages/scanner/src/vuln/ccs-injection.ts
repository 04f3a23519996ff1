import { wireVersionOf } from "../protocols";
import { alertName, parseAlert } from "../wire/alerts";
import { buildClientHello } from "../wire/client-hello";
import { Conversation, type ConversationEnd, type ServerRecord } from "../wire/conversation";
import { ContentType, HandshakeType } from "../wire/extension-types";
import { describeRecordOrEnd } from "./describe";
import { newestLegacy, protocolLabel, suitesFor } from "./offer";
import type { VulnCheck, VulnOutcome } from "./types";

/** testssl.sh's wait for an answer to each ChangeCipherSpec. */
const ANSWER_WAIT_MS = 1_000;
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
      const wire = wireVersionOf(version);
      const ccs = Buffer.of(ContentType.changeCipherSpec, wire >> 8, wire & 0xff, 0, 1, 1);
      const sent = `a ChangeCipherSpec right after the server's ${protocolLabel(version)} hello`;
      const wait = Math.min(ANSWER_WAIT_MS, target.timeoutMs);

      conversation.send(ccs);
      const first = await conversation.nextRecord(wait);
      const refusal = alertCode(first);
      if (
        refusal === UNEXPECTED_MESSAGE ||
        refusal === HANDSHAKE_FAILURE ||
        ("end" in first && first.end === "closed")
      )
        return {
          status: "ok",
          detail: `Sent ${sent}: the server refused it with ${describeRecordOrEnd(first)}.`,
        };
      if ("type" in first)
        return {
          status: "incomplete",
          reason: `sent ${sent}; it answered ${describeRecordOrEnd(first)}, which tells neither way`,
        };

      conversation.send(ccs);
      const second = await conversation.nextRecord(wait);
      const code = alertCode(second);
      if (code === BAD_RECORD_MAC || code === DECRYPTION_FAILED)
        return {
          status: "vulnerable",
          detail: `Sent ${sent}, then another: the server took the first and failed to decrypt the second with ${alertName(code)}, so it had switched to keys derived before any key exchange.`,
        };
      if (code === UNEXPECTED_MESSAGE || code === HANDSHAKE_FAILURE || "end" in second)
        return {
          status: "ok",
          detail: `Sent ${sent}, then another: the server answered ${describeRecordOrEnd(second)}.`,
        };
      return {
        status: "incomplete",
        reason: `sent ${sent}, then another; it answered ${describeRecordOrEnd(second)}, which tells neither way`,
      };
    } finally {
      conversation.close();
    }
  },
};
