import { isIP } from "node:net";
import { u8, u16, u16List, vector } from "./bytes";
import { ExtensionType } from "./extension-types";

/** Everything the extension builders need, with defaults already applied. */
export interface HelloContext {
  tls13: boolean;
  /** TLS 1.2 or 1.3: signature_algorithms only exists from TLS 1.2 on. */
  tls12Plus: boolean;
  servername?: string;
  groups: readonly number[];
  keyShares: readonly { group: number; share: Buffer }[];
  signatureAlgorithms: readonly number[];
  alpn: readonly string[];
  statusRequest: boolean;
  sessionTicket: Buffer;
  extraExtensions: readonly (readonly [number, Buffer])[];
}

type ExtensionBuilder = [type: number, build: (hello: HelloContext) => Buffer | undefined];

const empty = Buffer.alloc(0);

/** In the order they are sent; a builder returning undefined leaves its extension out. */
export const extensionBuilders: readonly ExtensionBuilder[] = [
  [
    ExtensionType.serverName,
    // RFC 6066: literal IP addresses are not permitted in server_name.
    ({ servername }) =>
      servername && isIP(servername) === 0
        ? vector(2, u8(0), vector(2, Buffer.from(servername, "ascii")))
        : undefined,
  ],
  [ExtensionType.ecPointFormats, () => vector(1, Buffer.of(0, 1, 2))],
  [
    ExtensionType.supportedGroups,
    ({ groups }) => (groups.length > 0 ? vector(2, u16List(groups)) : undefined),
  ],
  [ExtensionType.sessionTicket, ({ sessionTicket }) => sessionTicket],
  // OCSP, no responder ids, no request extensions.
  [
    ExtensionType.statusRequest,
    ({ statusRequest }) => (statusRequest ? Buffer.of(1, 0, 0, 0, 0) : undefined),
  ],
  [
    ExtensionType.alpn,
    ({ alpn }) =>
      alpn.length > 0 ? vector(2, ...alpn.map((name) => vector(1, Buffer.from(name, "ascii")))) : undefined,
  ],
  [
    ExtensionType.signatureAlgorithms,
    ({ tls12Plus, signatureAlgorithms }) => (tls12Plus ? vector(2, u16List(signatureAlgorithms)) : undefined),
  ],
  [ExtensionType.extendedMasterSecret, () => empty],
  [ExtensionType.renegotiationInfo, () => vector(1)],
  [ExtensionType.supportedVersions, ({ tls13 }) => (tls13 ? vector(1, u16(0x0304)) : undefined)],
  // psk_dhe_ke: required alongside key_share by some servers, though no PSK is ever offered.
  [ExtensionType.pskKeyExchangeModes, ({ tls13 }) => (tls13 ? vector(1, u8(1)) : undefined)],
  [
    ExtensionType.keyShare,
    ({ tls13, keyShares }) =>
      tls13
        ? vector(2, ...keyShares.map(({ group, share }) => Buffer.concat([u16(group), vector(2, share)])))
        : undefined,
  ],
];

export const encodeExtension = (type: number, body: Buffer): Buffer =>
  Buffer.concat([u16(type), vector(2, body)]);

/**
 * Some TLS terminators (F5 among them) hang on ClientHellos of 256–511 bytes; RFC 7685 padding
 * moves the message to 512 bytes, the way browsers do.
 */
export function paddingExtension(helloLength: number): Buffer | undefined {
  if (helloLength < 0x100 || helloLength >= 0x200) return undefined;
  const missing = 0x200 - helloLength;
  return encodeExtension(ExtensionType.padding, Buffer.alloc(missing >= 5 ? missing - 4 : 1));
}
