/** The plaintext messages a fake that takes a connection over answers with. */
import { randomBytes } from "node:crypto";
import { encodeRecord, handshakeMessage, RecordType } from "./records";

export interface ServerHelloSpec {
  /** Wire version: 0x0301 TLS 1.0 … 0x0303 TLS 1.2. */
  version: number;
  cipherSuite: number;
  sessionId?: Buffer;
  compressionMethod?: number;
  /** Extensions as [type, body], in order. */
  extensions?: [number, Buffer][];
}

const u16 = (value: number) => Buffer.from([value >> 8, value & 0xff]);
const u24 = (value: number) => Buffer.from([value >> 16, (value >> 8) & 0xff, value & 0xff]);

export function serverHelloMessage(spec: ServerHelloSpec): Buffer {
  const sessionId = spec.sessionId ?? Buffer.alloc(0);
  const extensions = Buffer.concat(
    (spec.extensions ?? []).map(([type, body]) => Buffer.concat([u16(type), u16(body.length), body])),
  );
  return handshakeMessage(
    2,
    Buffer.concat([
      u16(spec.version),
      randomBytes(32),
      Buffer.from([sessionId.length]),
      sessionId,
      u16(spec.cipherSuite),
      Buffer.from([spec.compressionMethod ?? 0]),
      ...(spec.extensions ? [u16(extensions.length), extensions] : []),
    ]),
  );
}

export function certificateMessage(ders: Buffer[]): Buffer {
  const list = Buffer.concat(ders.map((der) => Buffer.concat([u24(der.length), der])));
  return handshakeMessage(11, Buffer.concat([u24(list.length), list]));
}

export const serverHelloDoneMessage = (): Buffer => handshakeMessage(14, Buffer.alloc(0));

/** ServerHello, Certificate and ServerHelloDone in one record: an RSA key exchange's first flight. */
export function rsaServerFlight(spec: ServerHelloSpec, certificates: Buffer[]): Buffer {
  return encodeRecord(
    RecordType.handshake,
    Buffer.concat([serverHelloMessage(spec), certificateMessage(certificates), serverHelloDoneMessage()]),
    spec.version,
  );
}
