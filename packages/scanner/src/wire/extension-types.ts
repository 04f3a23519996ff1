/** TLS extension code points used by the prober and the test server. */
export const ExtensionType = {
  serverName: 0x0000,
  statusRequest: 0x0005,
  supportedGroups: 0x000a,
  ecPointFormats: 0x000b,
  signatureAlgorithms: 0x000d,
  heartbeat: 0x000f,
  alpn: 0x0010,
  padding: 0x0015,
  extendedMasterSecret: 0x0017,
  sessionTicket: 0x0023,
  earlyData: 0x002a,
  supportedVersions: 0x002b,
  pskKeyExchangeModes: 0x002d,
  keyShare: 0x0033,
  renegotiationInfo: 0xff01,
} as const;

/** Handshake message types (RFC 8446 §4, RFC 5246 §7.4). */
export const HandshakeType = {
  helloRequest: 0,
  clientHello: 1,
  serverHello: 2,
  certificate: 11,
  serverKeyExchange: 12,
  serverHelloDone: 14,
  clientKeyExchange: 16,
  finished: 20,
  certificateStatus: 22,
} as const;

/** TLS record content types. */
export const ContentType = {
  changeCipherSpec: 20,
  alert: 21,
  handshake: 22,
  applicationData: 23,
  heartbeat: 24,
} as const;

/** SHA-256("HelloRetryRequest"): the ServerHello random that marks a HelloRetryRequest (RFC 8446 §4.1.3). */
export const HELLO_RETRY_RANDOM = Buffer.from(
  "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c",
  "hex",
);

/** Signals secure renegotiation support where extensions cannot be sent (SSLv3). */
export const TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

/** RFC 7507: a client's signal that this hello is a downgraded retry. */
export const TLS_FALLBACK_SCSV = 0x5600;
