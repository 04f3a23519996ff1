/**
 * A minimal DER reader for the few X.509 fields the scanner needs on every certificate
 * (signature algorithm, SANs, AIA, basic constraints, SCT presence). A generic ASN.1 schema
 * parser costs milliseconds per certificate, which dominated the `--quick` probe.
 */
export interface Tlv {
  tag: number;
  /** Offsets of the value within the buffer. */
  start: number;
  end: number;
}

export class DerError extends Error {
  override name = "DerError";
}

export function readTlv(buffer: Buffer, offset: number, limit = buffer.length): Tlv {
  if (offset + 2 > limit) throw new DerError("truncated DER");
  const tag = buffer[offset]!;
  let length = buffer[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || start + bytes > limit) throw new DerError("bad DER length");
    length = 0;
    for (let index = 0; index < bytes; index++) length = length * 256 + buffer[start + index]!;
    start += bytes;
  }
  const end = start + length;
  if (end > limit) throw new DerError("DER value runs past its container");
  return { tag, start, end };
}

export function children(buffer: Buffer, parent: Tlv): Tlv[] {
  const items: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const item = readTlv(buffer, offset, parent.end);
    items.push(item);
    offset = item.end;
  }
  return items;
}

export function decodeOid(buffer: Buffer, tlv: Tlv): string {
  const parts: number[] = [];
  let value = 0;
  for (let index = tlv.start; index < tlv.end; index++) {
    const byte = buffer[index]!;
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (parts.length === 0)
        parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

export const text = (buffer: Buffer, tlv: Tlv) => buffer.toString("latin1", tlv.start, tlv.end);

export function formatIp(bytes: Buffer): string {
  if (bytes.length === 4) return [...bytes].join(".");
  const groups: string[] = [];
  for (let index = 0; index + 1 < bytes.length; index += 2)
    groups.push(bytes.readUInt16BE(index).toString(16));
  // Compress the longest run of zero groups (RFC 5952).
  let best = { at: -1, length: 0 };
  for (let at = 0; at < groups.length; ) {
    let length = 0;
    while (groups[at + length] === "0") length++;
    if (length > best.length && length > 1) best = { at, length };
    at += length || 1;
  }
  if (best.at < 0) return groups.join(":");
  return `${groups.slice(0, best.at).join(":")}::${groups.slice(best.at + best.length).join(":")}`;
}
