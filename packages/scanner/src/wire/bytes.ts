/** Thrown by ByteReader on a short or malformed buffer; parsers turn it into a typed result. */
export class WireFormatError extends Error {
  override name = "WireFormatError";
}

/** A bounds-checked cursor over received bytes. */
export class ByteReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  u8(): number {
    return this.take(1).readUInt8(0);
  }

  u16(): number {
    return this.take(2).readUInt16BE(0);
  }

  u24(): number {
    return this.take(3).readUIntBE(0, 3);
  }

  bytes(length: number): Buffer {
    return this.take(length);
  }

  /** A length-prefixed vector (prefix of 1, 2 or 3 bytes), as its own reader. */
  vector(prefixBytes: 1 | 2 | 3): ByteReader {
    const length = prefixBytes === 1 ? this.u8() : prefixBytes === 2 ? this.u16() : this.u24();
    return new ByteReader(this.take(length));
  }

  rest(): Buffer {
    return this.take(this.remaining);
  }

  private take(length: number): Buffer {
    if (length > this.remaining) {
      throw new WireFormatError(`needs ${length} bytes at offset ${this.offset}, has ${this.remaining}`);
    }
    const slice = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}

export const u8 = (value: number): Buffer => Buffer.of(value & 0xff);

export function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

export function u24(value: number): Buffer {
  const buffer = Buffer.alloc(3);
  buffer.writeUIntBE(value, 0, 3);
  return buffer;
}

/**
 * `content` behind its length in `prefixBytes` bytes, as TLS vectors are encoded. One allocation:
 * a probe builds dozens of these per ClientHello, dozens of ClientHellos per scan.
 */
export function vector(prefixBytes: 1 | 2 | 3, ...content: Buffer[]): Buffer {
  let length = 0;
  for (const part of content) length += part.length;
  const buffer = Buffer.allocUnsafe(prefixBytes + length);
  buffer.writeUIntBE(length, 0, prefixBytes);
  let offset = prefixBytes;
  for (const part of content) offset += part.copy(buffer, offset);
  return buffer;
}

export function u16List(values: readonly number[]): Buffer {
  const buffer = Buffer.allocUnsafe(values.length * 2);
  values.forEach((value, index) => {
    buffer.writeUInt16BE(value, index * 2);
  });
  return buffer;
}

/** The first bytes of a buffer as hex, for error details. */
export const hexPreview = (buffer: Buffer, max = 16): string =>
  buffer.subarray(0, max).toString("hex") + (buffer.length > max ? "…" : "");
