/**
 * A ClientHello read the fakes' own way, not with the scanner's parser: a fake that shared the
 * code under test could not catch its mistakes. Only what the fakes decide on is read.
 */
export interface HelloSummary {
  /** legacy_version of the hello (0x0303 for TLS 1.2 and 1.3). */
  version: number;
  /** The highest version offered, from supported_versions when present. */
  maxVersion: number;
  random: Buffer;
  sessionId: Buffer;
  cipherSuites: number[];
  compressionMethods: number[];
  /** Extension bodies by type, in the order sent. */
  extensions: Map<number, Buffer>;
  /** Extension types as sent, repeats and GREASE values included. */
  extensionTypes: number[];
}

export const Extension = {
  serverName: 0,
  supportedGroups: 10,
  heartbeat: 15,
  extendedMasterSecret: 23,
  sessionTicket: 35,
  earlyData: 42,
  supportedVersions: 43,
  renegotiationInfo: 0xff01,
} as const;

/** GREASE values (RFC 8701): 0x0a0a, 0x1a1a, … 0xfafa. */
export const isGrease = (value: number): boolean =>
  (value & 0x0f0f) === 0x0a0a && value >> 8 === (value & 0xff);

/** Parses the handshake body of the first record(s); null when it is not a whole ClientHello. */
export function parseClientHello(handshake: Buffer): HelloSummary | null {
  try {
    if (handshake[0] !== 1) return null;
    const length = handshake.readUIntBE(1, 3);
    const body = handshake.subarray(4, 4 + length);
    if (body.length < length) return null;
    let at = 0;
    const version = body.readUInt16BE(at);
    at += 2;
    const random = body.subarray(at, at + 32);
    at += 32;
    const sessionId = body.subarray(at + 1, at + 1 + body[at]!);
    at += 1 + body[at]!;
    const suitesLength = body.readUInt16BE(at);
    const cipherSuites: number[] = [];
    for (let i = 0; i < suitesLength; i += 2) cipherSuites.push(body.readUInt16BE(at + 2 + i));
    at += 2 + suitesLength;
    const compressionMethods = [...body.subarray(at + 1, at + 1 + body[at]!)];
    at += 1 + body[at]!;
    const extensions = new Map<number, Buffer>();
    const extensionTypes: number[] = [];
    if (at < body.length) {
      const end = at + 2 + body.readUInt16BE(at);
      at += 2;
      while (at + 4 <= end) {
        const type = body.readUInt16BE(at);
        const size = body.readUInt16BE(at + 2);
        extensionTypes.push(type);
        extensions.set(type, body.subarray(at + 4, at + 4 + size));
        at += 4 + size;
      }
    }
    let maxVersion = version;
    const versions = extensions.get(Extension.supportedVersions);
    if (versions) {
      for (let i = 1; i + 1 < versions.length; i += 2) {
        const offered = versions.readUInt16BE(i);
        if (!isGrease(offered) && offered > maxVersion) maxVersion = offered;
      }
    }
    return {
      version,
      maxVersion,
      random,
      sessionId,
      cipherSuites,
      compressionMethods,
      extensions,
      extensionTypes,
    };
  } catch {
    return null;
  }
}
