import { MAX_SERVED_CERTIFICATES } from "../scan-limits";
import { ByteReader } from "./bytes";
import { type ParseResult, parseSafely } from "./parse-result";

/**
 * The DER certificates of a TLS ≤ 1.2 Certificate message body, as sent (leaf first): the first
 * MAX_SERVED_CERTIFICATES of them, as a message of up to 256 KB could list hundreds.
 */
export function parseCertificateMessage(body: Buffer): ParseResult<Buffer[]> {
  return parseSafely(() => {
    const list = new ByteReader(body).vector(3);
    const certificates: Buffer[] = [];
    while (list.remaining > 0 && certificates.length < MAX_SERVED_CERTIFICATES)
      certificates.push(list.vector(3).rest());
    return certificates;
  });
}
