import { constants, type KeyObject, publicEncrypt, randomFillSync, X509Certificate } from "node:crypto";
import { alertName, parseAlert } from "../wire/alerts";
import { u8, u16, u24, vector } from "../wire/bytes";
import { parseCertificateMessage } from "../wire/certificate-message";
import { Conversation, type ConversationEnd } from "../wire/conversation";
import { ContentType, HandshakeType } from "../wire/extension-types";
import { parseServerHello } from "../wire/server-hello";
import { premasterBlock, premasterFill, type RobotVariant } from "./robot-variants";
import type { VulnTarget } from "./types";

/**
 * What follows the ClientKeyExchange: "full" adds ChangeCipherSpec and a Finished of garbage, so a
 * careful server only fails at the Finished's MAC; "shortened" sends the key exchange alone, which
 * some oracles only show that way (robot-detect's and testssl.sh's second message flow).
 */
export type RobotFlow = "full" | "shortened";

/** How the server reacted to a ClientKeyExchange: the oracle's output. */
export type RobotAnswer =
  | { kind: "alert"; level: number; code: number }
  /** A record other than an alert, or an alert too short to read. */
  | { kind: "record"; type: number }
  /** FIN or reset: Conversation does not tell them apart. */
  | { kind: "closed" }
  | { kind: "timeout" };

export type RobotExchange =
  | { type: "answered"; answer: RobotAnswer }
  /** The server's certificate key cannot encrypt a premaster. */
  | { type: "not_rsa"; keyType: string }
  /** The handshake never got to the point of asking: no verdict from this connection. */
  | { type: "failed"; reason: string };

export interface RobotOffer {
  /** The ClientHello record, offering only RSA key transport suites. */
  hello: Buffer;
  /** Its version, which the premaster must carry. */
  clientVersion: number;
  suites: readonly number[];
}

const FATAL = 2;

/** Like robot-detect's: long enough for the Finished of any cipher (80 bytes fits a SHA-384 CBC MAC). */
const garbageFinished = (): Buffer => randomFillSync(Buffer.alloc(80));

const record = (type: number, version: number, body: Buffer): Buffer =>
  Buffer.concat([u8(type), u16(version), vector(2, body)]);

export function describeRobotAnswer(answer: RobotAnswer): string {
  if (answer.kind === "alert")
    return `${answer.level === FATAL ? "" : "warning "}alert ${alertName(answer.code)}`;
  if (answer.kind === "record") return `a record of type ${answer.type}`;
  return answer.kind === "closed" ? "the connection closed" : "no answer";
}

function describeEnd(end: ConversationEnd): string {
  if (end.end === "error") return end.detail;
  return end.end === "oversized"
    ? "more data than a probe reads"
    : `the connection ${end.end === "timeout" ? "timed out" : "closed"}`;
}

/** The server's RSA key from the Certificate message, or why there is none to use. */
function certificateKey(
  body: Buffer | undefined,
): { rsa: KeyObject } | { keyType: string } | { reason: string } {
  if (!body) return { reason: "no Certificate message came" };
  const parsed = parseCertificateMessage(body);
  if (!parsed.ok || !parsed.value[0]) return { reason: "the Certificate message was unreadable" };
  try {
    const key = new X509Certificate(parsed.value[0]).publicKey;
    return key.asymmetricKeyType === "rsa" ? { rsa: key } : { keyType: key.asymmetricKeyType ?? "unknown" };
  } catch {
    return { reason: "the certificate could not be parsed" };
  }
}

/**
 * One ROBOT connection: the hello, the server's flight up to ServerHelloDone, then the variant's
 * ClientKeyExchange (encrypted to the certificate's key) and, in the full flow, ChangeCipherSpec
 * and a garbage Finished; what comes back within `answerWaitMs` is the answer.
 */
export async function robotExchange(
  target: VulnTarget,
  offer: RobotOffer,
  variant: RobotVariant,
  flow: RobotFlow,
  answerWaitMs: number,
): Promise<RobotExchange> {
  const conversation = await Conversation.open(target);
  if (!(conversation instanceof Conversation))
    return { type: "failed", reason: `connecting failed: ${describeEnd(conversation)}` };
  try {
    conversation.send(offer.hello);
    const flight = await conversation.handshakeUntil(HandshakeType.serverHelloDone);
    if ("stop" in flight) {
      const stop = flight.stop;
      const what = "type" in stop ? describeRobotAnswer(answerOf(stop.type, stop.body)) : describeEnd(stop);
      return { type: "failed", reason: `the handshake stopped before ServerHelloDone: ${what}` };
    }
    const messages = new Map(flight.messages);
    const serverHello = parseServerHello(messages.get(HandshakeType.serverHello) ?? Buffer.alloc(0));
    if (!serverHello.ok) return { type: "failed", reason: "the ServerHello was unreadable" };
    if (!offer.suites.includes(serverHello.value.cipherSuite))
      return { type: "failed", reason: "the server chose a suite that was not offered" };
    // Only RSA key transport suites were offered: a ServerKeyExchange means the key is not the certificate's.
    if (messages.has(HandshakeType.serverKeyExchange))
      return { type: "failed", reason: "the server sent a ServerKeyExchange for RSA key transport" };
    const certificate = certificateKey(messages.get(HandshakeType.certificate));
    if ("reason" in certificate) return { type: "failed", reason: certificate.reason };
    if ("keyType" in certificate) return { type: "not_rsa", keyType: certificate.keyType };
    const key = certificate.rsa;

    const modulusBytes = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
    const fill = premasterFill(modulusBytes);
    if (!fill)
      return {
        type: "failed",
        reason: `the RSA key (${modulusBytes * 8} bits) is too short for PKCS#1 padding`,
      };
    let encrypted: Buffer;
    try {
      // No padding: the block is already padded (or deliberately mispadded) by hand.
      encrypted = publicEncrypt(
        { key, padding: constants.RSA_NO_PADDING },
        premasterBlock(variant, offer.clientVersion, fill),
      );
    } catch {
      // "41 17 …" can exceed a modulus whose top byte is small.
      return { type: "failed", reason: "the variant's block does not fit under the key's modulus" };
    }

    const version = serverHello.value.legacyVersion;
    const keyExchange = Buffer.concat([
      u8(HandshakeType.clientKeyExchange),
      u24(encrypted.length + 2),
      vector(2, encrypted),
    ]);
    const flights = [record(ContentType.handshake, version, keyExchange)];
    if (flow === "full")
      flights.push(
        record(ContentType.changeCipherSpec, version, u8(1)),
        record(ContentType.handshake, version, garbageFinished()),
      );
    conversation.send(Buffer.concat(flights));

    const answer = await conversation.nextRecord(answerWaitMs);
    // An abort closes the connection, which must not pass for the server's answer.
    if (target.signal.aborted) return { type: "failed", reason: "aborted" };
    if ("type" in answer) return { type: "answered", answer: answerOf(answer.type, answer.body) };
    if (answer.end === "timeout" || answer.end === "closed")
      return { type: "answered", answer: { kind: answer.end } };
    return { type: "failed", reason: `after the ClientKeyExchange: ${describeEnd(answer)}` };
  } finally {
    conversation.close();
  }
}

function answerOf(type: number, body: Buffer): RobotAnswer {
  const alert = type === ContentType.alert ? parseAlert(body) : undefined;
  return alert?.ok ? { kind: "alert", ...alert.value } : { kind: "record", type };
}
