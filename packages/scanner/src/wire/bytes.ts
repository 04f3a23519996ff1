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

const prefixWriters = { 1: u8, 2: u16, 3: u24 } as const;

/** `content` behind its length in `prefixBytes` bytes, as TLS vectors are encoded. */
export function vector(prefixBytes: 1 | 2 | 3, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([prefixWriters[prefixBytes](body.length), body]);
}

export const u16List = (values: readonly number[]): Buffer => Buffer.concat(values.map(u16));

/** The first bytes of a buffer as hex, for error details. */
export const hexPreview = (buffer: Buffer, max = 16): string =>
  buffer.subarray(0, max).toString("hex") + (buffer.length > max ? "…" : "");
