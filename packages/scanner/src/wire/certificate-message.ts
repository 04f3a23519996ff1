import { ByteReader } from "./bytes";
import { type ParseResult, parseSafely } from "./parse-result";

/** The DER certificates of a TLS ≤ 1.2 Certificate message body, as sent (leaf first). */
export function parseCertificateMessage(body: Buffer): ParseResult<Buffer[]> {
  return parseSafely(() => {
    const list = new ByteReader(body).vector(3);
    const certificates: Buffer[] = [];
    while (list.remaining > 0) certificates.push(list.vector(3).rest());
    return certificates;
  });
}
