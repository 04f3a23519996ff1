import { randomBytes } from "node:crypto";
import { ByteReader, u8, u16, u24, WireFormatError } from "./bytes";
import { type ParseResult, parseSafely } from "./parse-result";

export const SSLV2_CLIENT_HELLO = 1;
export const SSLV2_SERVER_HELLO = 4;
export const SSLV2_ERROR = 0;

/** SSLv2 ERROR message codes. */
export const sslv2Errors: Readonly<Record<number, string>> = {
  1: "sslv2_no_cipher",
  2: "sslv2_no_certificate",
  4: "sslv2_bad_certificate",
  6: "sslv2_unsupported_certificate_type",
};

export type Sslv2ServerMessage =
  | {
      type: "server_hello";
      version: number;
      certificate?: Buffer;
      cipherSpecs: number[];
      connectionId: Buffer;
    }
  | { type: "error"; code: number; description: string };

/** An SSLv2 record (2-byte header) holding a CLIENT-HELLO for version 2 with a 16-byte challenge. */
export function buildSslv2ClientHello(
  cipherSpecs: readonly number[],
  random: (size: number) => Buffer = randomBytes,
): Buffer {
  const specs = Buffer.concat(cipherSpecs.map(u24));
  const challenge = random(16);
  const message = Buffer.concat([
    u8(SSLV2_CLIENT_HELLO),
    u16(0x0002),
    u16(specs.length),
    u16(0),
    u16(challenge.length),
    specs,
    challenge,
  ]);
  return Buffer.concat([u16(0x8000 | message.length), message]);
}

/** An SSLv2 server message (the record body, header removed). */
export function parseSslv2ServerMessage(body: Buffer): ParseResult<Sslv2ServerMessage> {
  return parseSafely(() => {
    const reader = new ByteReader(body);
    const type = reader.u8();
    if (type === SSLV2_ERROR) {
      const code = reader.u16();
      return { type: "error", code, description: sslv2Errors[code] ?? `sslv2_error_${code}` };
    }
    if (type !== SSLV2_SERVER_HELLO) throw new WireFormatError(`unexpected SSLv2 message type ${type}`);
    reader.u8(); // session id hit
    reader.u8(); // certificate type
    const version = reader.u16();
    const certificateLength = reader.u16();
    const specsLength = reader.u16();
    const connectionIdLength = reader.u16();
    if (specsLength % 3 !== 0) throw new WireFormatError("cipher spec list is not a multiple of 3");
    const certificate = reader.bytes(certificateLength);
    const specs = new ByteReader(reader.bytes(specsLength));
    const cipherSpecs: number[] = [];
    while (specs.remaining > 0) cipherSpecs.push((specs.u8() << 16) | specs.u16());
    return {
      type: "server_hello",
      version,
      certificate: certificate.length > 0 ? certificate : undefined,
      cipherSpecs,
      connectionId: reader.bytes(connectionIdLength),
    };
  });
}
