/** Protocol versions the scanner tells apart, oldest first, with their wire versions. */
export const protocols = [
  { id: "sslv2", label: "SSL 2.0", wire: 0x0002 },
  { id: "sslv3", label: "SSL 3.0", wire: 0x0300 },
  { id: "tls1_0", label: "TLS 1.0", wire: 0x0301 },
  { id: "tls1_1", label: "TLS 1.1", wire: 0x0302 },
  { id: "tls1_2", label: "TLS 1.2", wire: 0x0303 },
  { id: "tls1_3", label: "TLS 1.3", wire: 0x0304 },
] as const;

export type ProtocolId = (typeof protocols)[number]["id"];
export const protocolIds = protocols.map((protocol) => protocol.id) as ProtocolId[];

/** The version number a protocol has on the wire (0x0303 for TLS 1.2). */
export const wireVersionOf = (id: ProtocolId): number =>
  protocols.find((protocol) => protocol.id === id)?.wire ?? 0;
