/** TLS records as the fakes see them: content type, record version, body. */
export interface TlsRecord {
  type: number;
  version: number;
  body: Buffer;
}

export const RecordType = {
  changeCipherSpec: 20,
  alert: 21,
  handshake: 22,
  appData: 23,
  heartbeat: 24,
} as const;

/** Collects bytes from a socket and hands out complete records. */
export class RecordSplitter {
  private pending = Buffer.alloc(0);

  push(chunk: Buffer): TlsRecord[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const records: TlsRecord[] = [];
    while (this.pending.length >= 5) {
      const length = this.pending.readUInt16BE(3);
      if (this.pending.length < 5 + length) break;
      records.push({
        type: this.pending[0]!,
        version: this.pending.readUInt16BE(1),
        body: this.pending.subarray(5, 5 + length),
      });
      this.pending = this.pending.subarray(5 + length);
    }
    return records;
  }

  /** Bytes received that do not (yet) make a record. */
  get rest(): Buffer {
    return this.pending;
  }
}

export function encodeRecord(type: number, body: Buffer, version = 0x0303): Buffer {
  const head = Buffer.alloc(5);
  head[0] = type;
  head.writeUInt16BE(version, 1);
  head.writeUInt16BE(body.length, 3);
  return Buffer.concat([head, body]);
}

export function encodeRecordBytes(record: TlsRecord): Buffer {
  return encodeRecord(record.type, record.body, record.version);
}

/** A handshake message: type, 24-bit length, body. */
export function handshakeMessage(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = type;
  head.writeUIntBE(body.length, 1, 3);
  return Buffer.concat([head, body]);
}

export function alertRecord(description: number, version = 0x0303): Buffer {
  return encodeRecord(RecordType.alert, Buffer.from([2, description]), version);
}
