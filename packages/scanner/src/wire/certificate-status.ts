import { ByteReader, WireFormatError } from "./bytes";
import { type ParseResult, parseSafely } from "./parse-result";

/** CertificateStatusType ocsp (RFC 6066 §8); ocsp_multi (RFC 6961) is never asked for. */
const OCSP = 1;

/** The DER OCSPResponse of a TLS ≤ 1.2 CertificateStatus message body: the stapled response. */
export function parseCertificateStatus(body: Buffer): ParseResult<Buffer> {
  return parseSafely(() => {
    const reader = new ByteReader(body);
    const type = reader.u8();
    if (type !== OCSP) throw new WireFormatError(`CertificateStatus of type ${type}, not ocsp`);
    return reader.vector(3).rest();
  });
}
