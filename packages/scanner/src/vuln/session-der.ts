import { children, DerError, readTlv, type Tlv } from "../der";
import type { ParseResult } from "../wire/parse-result";

/**
 * The few fields of OpenSSL's SSL_SESSION (what Node's `session` event hands over, DER as
 * i2d_SSL_SESSION writes it in ssl/ssl_asn1.c) the probes read.
 */
export interface SslSession {
  /** The negotiated suite's IANA code. */
  cipherSuite: number;
  /** The session ticket the server issued ([10] tlsext_tick); undefined without one. */
  ticket?: Buffer;
  /** [15] max_early_data: the 0-RTT bytes a TLS 1.3 ticket allows, 0 when absent. */
  maxEarlyData: number;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
/** Context-specific, constructed: how ssl_asn1.c's explicitly tagged optional fields are written. */
const explicitTag = (number: number) => 0xa0 | number;
const TICKET = explicitTag(10);
const MAX_EARLY_DATA = explicitTag(15);
/** version, ssl_version, then the cipher as two bytes. */
const CIPHER_INDEX = 2;

function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (tlv?.tag !== tag) throw new DerError(`SSL_SESSION ${what} is missing or mistyped`);
  return tlv;
}

/** The wrapped value of an explicitly tagged field. */
function inner(der: Buffer, field: Tlv, tag: number, what: string): Tlv {
  return expectTag(readTlv(der, field.start, field.end), tag, what);
}

/** An unsigned INTEGER of at most 32 bits (DER may prefix a 0 byte to keep it positive). */
function uint32(der: Buffer, tlv: Tlv): number {
  const length = tlv.end - tlv.start;
  if (length === 0 || length > 5 || (length === 5 && der[tlv.start] !== 0))
    throw new DerError("SSL_SESSION integer out of range");
  return der.readUIntBE(tlv.start, length);
}

export function parseSslSession(der: Buffer): ParseResult<SslSession> {
  try {
    const fields = children(der, expectTag(readTlv(der, 0), SEQUENCE, "sequence"));
    const cipher = expectTag(fields[CIPHER_INDEX], OCTET_STRING, "cipher");
    if (cipher.end - cipher.start !== 2) throw new DerError("SSL_SESSION cipher is not two bytes");
    const ticketField = fields.find((field) => field.tag === TICKET);
    const earlyField = fields.find((field) => field.tag === MAX_EARLY_DATA);
    const ticket = ticketField && inner(der, ticketField, OCTET_STRING, "ticket");
    return {
      ok: true,
      value: {
        cipherSuite: der.readUInt16BE(cipher.start),
        ticket: ticket && ticket.end > ticket.start ? der.subarray(ticket.start, ticket.end) : undefined,
        maxEarlyData: earlyField ? uint32(der, inner(der, earlyField, INTEGER, "max_early_data")) : 0,
      },
    };
  } catch (error) {
    if (error instanceof DerError) return { ok: false, detail: error.message };
    throw error;
  }
}
