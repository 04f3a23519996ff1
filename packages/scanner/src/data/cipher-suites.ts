import { type ProtocolId, protocolIds } from "../protocols";

/**
 * Cipher suites by IANA code point (plus the pre-IANA EXPORT1024, GOST, FIPS and draft ChaCha
 * suites still met in the wild, and the SSLv2 cipher specs). Attributes are derived from the name
 * through the tables below, so a row is just what the registry says.
 */

export type KeyExchange =
  | "NULL"
  | "RSA"
  | "DH"
  | "DHE"
  | "ECDH"
  | "ECDHE"
  | "PSK"
  | "KRB5"
  | "SRP"
  | "ECCPWD"
  | "GOST"
  | "TLS13";

export type Authentication =
  | "anon"
  | "RSA"
  | "DSS"
  | "ECDSA"
  | "PSK"
  | "KRB5"
  | "SRP"
  | "ECCPWD"
  | "GOST"
  | "TLS13";

export interface CipherSuite {
  /** Two bytes for SSLv3–TLS 1.3, three bytes for SSLv2 cipher specs. */
  code: number;
  name: string;
  kex: KeyExchange;
  auth: Authentication;
  cipher: string;
  /** Effective symmetric strength: NULL 0, export 40, DES 56, 3DES 112. */
  bits: number;
  aead: boolean;
  /** Ephemeral and authenticated key exchange (anonymous suites protect nothing). */
  forwardSecrecy: boolean;
  export: boolean;
  anonymous: boolean;
  null: boolean;
  tls13: boolean;
  minVersion: ProtocolId;
  maxVersion: ProtocolId;
}

type KexInfo = { kex: KeyExchange; auth: Authentication; minVersion?: ProtocolId };

/** The part of a name between TLS_ and _WITH_, minus any _EXPORT/_EXPORT1024 suffix. */
const keyExchanges: Record<string, KexInfo> = {
  NULL: { kex: "NULL", auth: "anon" },
  RSA: { kex: "RSA", auth: "RSA" },
  RSA_FIPS: { kex: "RSA", auth: "RSA" },
  RSA_PSK: { kex: "RSA", auth: "PSK" },
  DH_DSS: { kex: "DH", auth: "DSS" },
  DH_RSA: { kex: "DH", auth: "RSA" },
  DHE_DSS: { kex: "DHE", auth: "DSS" },
  DHE_RSA: { kex: "DHE", auth: "RSA" },
  DH_anon: { kex: "DHE", auth: "anon" },
  DHE_PSK: { kex: "DHE", auth: "PSK" },
  PSK_DHE: { kex: "DHE", auth: "PSK" },
  PSK: { kex: "PSK", auth: "PSK" },
  ECDHE_PSK: { kex: "ECDHE", auth: "PSK" },
  KRB5: { kex: "KRB5", auth: "KRB5" },
  ECDH_ECDSA: { kex: "ECDH", auth: "ECDSA" },
  ECDH_RSA: { kex: "ECDH", auth: "RSA" },
  ECDHE_ECDSA: { kex: "ECDHE", auth: "ECDSA" },
  ECDHE_RSA: { kex: "ECDHE", auth: "RSA" },
  ECDH_anon: { kex: "ECDHE", auth: "anon" },
  SRP_SHA: { kex: "SRP", auth: "SRP" },
  SRP_SHA_RSA: { kex: "SRP", auth: "RSA" },
  SRP_SHA_DSS: { kex: "SRP", auth: "DSS" },
  ECCPWD: { kex: "ECCPWD", auth: "ECCPWD" },
  GOSTR341094: { kex: "GOST", auth: "GOST" },
  GOSTR341001: { kex: "GOST", auth: "GOST" },
  GOSTR341112_256: { kex: "GOST", auth: "GOST", minVersion: "tls1_2" },
  TLS13: { kex: "TLS13", auth: "TLS13", minVersion: "tls1_3" },
};

type CipherInfo = { bits: number; aead?: boolean };

/** Bulk ciphers as they appear after _WITH_; matched longest first. */
const ciphers: Record<string, CipherInfo> = {
  NULL: { bits: 0 },
  RC4_40: { bits: 40 },
  RC4_56: { bits: 56 },
  RC4_64: { bits: 64 },
  RC4_128: { bits: 128 },
  RC2_CBC_40: { bits: 40 },
  RC2_CBC_56: { bits: 56 },
  RC2_CBC_128: { bits: 128 },
  IDEA_CBC: { bits: 128 },
  DES40_CBC: { bits: 40 },
  DES_CBC_40: { bits: 40 },
  DES_CBC: { bits: 56 },
  "3DES_EDE_CBC": { bits: 112 },
  SEED_CBC: { bits: 128 },
  AES_128_CBC: { bits: 128 },
  AES_256_CBC: { bits: 256 },
  AES_128_GCM: { bits: 128, aead: true },
  AES_256_GCM: { bits: 256, aead: true },
  AES_128_CCM: { bits: 128, aead: true },
  AES_256_CCM: { bits: 256, aead: true },
  AES_128_CCM_8: { bits: 128, aead: true },
  AES_256_CCM_8: { bits: 256, aead: true },
  CAMELLIA_128_CBC: { bits: 128 },
  CAMELLIA_256_CBC: { bits: 256 },
  CAMELLIA_128_GCM: { bits: 128, aead: true },
  CAMELLIA_256_GCM: { bits: 256, aead: true },
  ARIA_128_CBC: { bits: 128 },
  ARIA_256_CBC: { bits: 256 },
  ARIA_128_GCM: { bits: 128, aead: true },
  ARIA_256_GCM: { bits: 256, aead: true },
  CHACHA20_POLY1305: { bits: 256, aead: true },
  "28147_CNT": { bits: 256 },
  KUZNYECHIK_CTR: { bits: 256 },
  MAGMA_CTR: { bits: 256 },
};

/** MACs that only exist with TLS 1.2's PRF. */
const tls12Macs = new Set(["SHA256", "SHA384", "OMAC"]);

/** [code, IANA name] for SSLv3–TLS 1.3. */
const tlsSuites: readonly (readonly [number, string])[] = [
  [0x0000, "TLS_NULL_WITH_NULL_NULL"],
  [0x0001, "TLS_RSA_WITH_NULL_MD5"],
  [0x0002, "TLS_RSA_WITH_NULL_SHA"],
  [0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5"],
  [0x0004, "TLS_RSA_WITH_RC4_128_MD5"],
  [0x0005, "TLS_RSA_WITH_RC4_128_SHA"],
  [0x0006, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5"],
  [0x0007, "TLS_RSA_WITH_IDEA_CBC_SHA"],
  [0x0008, "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA"],
  [0x0009, "TLS_RSA_WITH_DES_CBC_SHA"],
  [0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"],
  [0x000b, "TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA"],
  [0x000c, "TLS_DH_DSS_WITH_DES_CBC_SHA"],
  [0x000d, "TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA"],
  [0x000e, "TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA"],
  [0x000f, "TLS_DH_RSA_WITH_DES_CBC_SHA"],
  [0x0010, "TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA"],
  [0x0011, "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA"],
  [0x0012, "TLS_DHE_DSS_WITH_DES_CBC_SHA"],
  [0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA"],
  [0x0014, "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA"],
  [0x0015, "TLS_DHE_RSA_WITH_DES_CBC_SHA"],
  [0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"],
  [0x0017, "TLS_DH_anon_EXPORT_WITH_RC4_40_MD5"],
  [0x0018, "TLS_DH_anon_WITH_RC4_128_MD5"],
  [0x0019, "TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA"],
  [0x001a, "TLS_DH_anon_WITH_DES_CBC_SHA"],
  [0x001b, "TLS_DH_anon_WITH_3DES_EDE_CBC_SHA"],
  [0x001e, "TLS_KRB5_WITH_DES_CBC_SHA"],
  [0x001f, "TLS_KRB5_WITH_3DES_EDE_CBC_SHA"],
  [0x0020, "TLS_KRB5_WITH_RC4_128_SHA"],
  [0x0021, "TLS_KRB5_WITH_IDEA_CBC_SHA"],
  [0x0022, "TLS_KRB5_WITH_DES_CBC_MD5"],
  [0x0023, "TLS_KRB5_WITH_3DES_EDE_CBC_MD5"],
  [0x0024, "TLS_KRB5_WITH_RC4_128_MD5"],
  [0x0025, "TLS_KRB5_WITH_IDEA_CBC_MD5"],
  [0x0026, "TLS_KRB5_EXPORT_WITH_DES_CBC_40_SHA"],
  [0x0027, "TLS_KRB5_EXPORT_WITH_RC2_CBC_40_SHA"],
  [0x0028, "TLS_KRB5_EXPORT_WITH_RC4_40_SHA"],
  [0x0029, "TLS_KRB5_EXPORT_WITH_DES_CBC_40_MD5"],
  [0x002a, "TLS_KRB5_EXPORT_WITH_RC2_CBC_40_MD5"],
  [0x002b, "TLS_KRB5_EXPORT_WITH_RC4_40_MD5"],
  [0x002c, "TLS_PSK_WITH_NULL_SHA"],
  [0x002d, "TLS_DHE_PSK_WITH_NULL_SHA"],
  [0x002e, "TLS_RSA_PSK_WITH_NULL_SHA"],
  [0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA"],
  [0x0030, "TLS_DH_DSS_WITH_AES_128_CBC_SHA"],
  [0x0031, "TLS_DH_RSA_WITH_AES_128_CBC_SHA"],
  [0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA"],
  [0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"],
  [0x0034, "TLS_DH_anon_WITH_AES_128_CBC_SHA"],
  [0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"],
  [0x0036, "TLS_DH_DSS_WITH_AES_256_CBC_SHA"],
  [0x0037, "TLS_DH_RSA_WITH_AES_256_CBC_SHA"],
  [0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA"],
  [0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"],
  [0x003a, "TLS_DH_anon_WITH_AES_256_CBC_SHA"],
  [0x003b, "TLS_RSA_WITH_NULL_SHA256"],
  [0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256"],
  [0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256"],
  [0x003e, "TLS_DH_DSS_WITH_AES_128_CBC_SHA256"],
  [0x003f, "TLS_DH_RSA_WITH_AES_128_CBC_SHA256"],
  [0x0040, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256"],
  [0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA"],
  [0x0042, "TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA"],
  [0x0043, "TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA"],
  [0x0044, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA"],
  [0x0045, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA"],
  [0x0046, "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA"],
  [0x0060, "TLS_RSA_EXPORT1024_WITH_RC4_56_MD5"],
  [0x0061, "TLS_RSA_EXPORT1024_WITH_RC2_CBC_56_MD5"],
  [0x0062, "TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA"],
  [0x0063, "TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA"],
  [0x0064, "TLS_RSA_EXPORT1024_WITH_RC4_56_SHA"],
  [0x0065, "TLS_DHE_DSS_EXPORT1024_WITH_RC4_56_SHA"],
  [0x0066, "TLS_DHE_DSS_WITH_RC4_128_SHA"],
  [0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"],
  [0x0068, "TLS_DH_DSS_WITH_AES_256_CBC_SHA256"],
  [0x0069, "TLS_DH_RSA_WITH_AES_256_CBC_SHA256"],
  [0x006a, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256"],
  [0x006b, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"],
  [0x006c, "TLS_DH_anon_WITH_AES_128_CBC_SHA256"],
  [0x006d, "TLS_DH_anon_WITH_AES_256_CBC_SHA256"],
  [0x0080, "TLS_GOSTR341094_WITH_28147_CNT_IMIT"],
  [0x0081, "TLS_GOSTR341001_WITH_28147_CNT_IMIT"],
  [0x0082, "TLS_GOSTR341094_WITH_NULL_GOSTR3411"],
  [0x0083, "TLS_GOSTR341001_WITH_NULL_GOSTR3411"],
  [0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA"],
  [0x0085, "TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA"],
  [0x0086, "TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA"],
  [0x0087, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA"],
  [0x0088, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA"],
  [0x0089, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA"],
  [0x008a, "TLS_PSK_WITH_RC4_128_SHA"],
  [0x008b, "TLS_PSK_WITH_3DES_EDE_CBC_SHA"],
  [0x008c, "TLS_PSK_WITH_AES_128_CBC_SHA"],
  [0x008d, "TLS_PSK_WITH_AES_256_CBC_SHA"],
  [0x008e, "TLS_DHE_PSK_WITH_RC4_128_SHA"],
  [0x008f, "TLS_DHE_PSK_WITH_3DES_EDE_CBC_SHA"],
  [0x0090, "TLS_DHE_PSK_WITH_AES_128_CBC_SHA"],
  [0x0091, "TLS_DHE_PSK_WITH_AES_256_CBC_SHA"],
  [0x0092, "TLS_RSA_PSK_WITH_RC4_128_SHA"],
  [0x0093, "TLS_RSA_PSK_WITH_3DES_EDE_CBC_SHA"],
  [0x0094, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA"],
  [0x0095, "TLS_RSA_PSK_WITH_AES_256_CBC_SHA"],
  [0x0096, "TLS_RSA_WITH_SEED_CBC_SHA"],
  [0x0097, "TLS_DH_DSS_WITH_SEED_CBC_SHA"],
  [0x0098, "TLS_DH_RSA_WITH_SEED_CBC_SHA"],
  [0x0099, "TLS_DHE_DSS_WITH_SEED_CBC_SHA"],
  [0x009a, "TLS_DHE_RSA_WITH_SEED_CBC_SHA"],
  [0x009b, "TLS_DH_anon_WITH_SEED_CBC_SHA"],
  [0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256"],
  [0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384"],
  [0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"],
  [0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"],
  [0x00a0, "TLS_DH_RSA_WITH_AES_128_GCM_SHA256"],
  [0x00a1, "TLS_DH_RSA_WITH_AES_256_GCM_SHA384"],
  [0x00a2, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256"],
  [0x00a3, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384"],
  [0x00a4, "TLS_DH_DSS_WITH_AES_128_GCM_SHA256"],
  [0x00a5, "TLS_DH_DSS_WITH_AES_256_GCM_SHA384"],
  [0x00a6, "TLS_DH_anon_WITH_AES_128_GCM_SHA256"],
  [0x00a7, "TLS_DH_anon_WITH_AES_256_GCM_SHA384"],
  [0x00a8, "TLS_PSK_WITH_AES_128_GCM_SHA256"],
  [0x00a9, "TLS_PSK_WITH_AES_256_GCM_SHA384"],
  [0x00aa, "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256"],
  [0x00ab, "TLS_DHE_PSK_WITH_AES_256_GCM_SHA384"],
  [0x00ac, "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256"],
  [0x00ad, "TLS_RSA_PSK_WITH_AES_256_GCM_SHA384"],
  [0x00ae, "TLS_PSK_WITH_AES_128_CBC_SHA256"],
  [0x00af, "TLS_PSK_WITH_AES_256_CBC_SHA384"],
  [0x00b0, "TLS_PSK_WITH_NULL_SHA256"],
  [0x00b1, "TLS_PSK_WITH_NULL_SHA384"],
  [0x00b2, "TLS_DHE_PSK_WITH_AES_128_CBC_SHA256"],
  [0x00b3, "TLS_DHE_PSK_WITH_AES_256_CBC_SHA384"],
  [0x00b4, "TLS_DHE_PSK_WITH_NULL_SHA256"],
  [0x00b5, "TLS_DHE_PSK_WITH_NULL_SHA384"],
  [0x00b6, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256"],
  [0x00b7, "TLS_RSA_PSK_WITH_AES_256_CBC_SHA384"],
  [0x00b8, "TLS_RSA_PSK_WITH_NULL_SHA256"],
  [0x00b9, "TLS_RSA_PSK_WITH_NULL_SHA384"],
  [0x00ba, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256"],
  [0x00bb, "TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA256"],
  [0x00bc, "TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA256"],
  [0x00bd, "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256"],
  [0x00be, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256"],
  [0x00bf, "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256"],
  [0x00c0, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256"],
  [0x00c1, "TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA256"],
  [0x00c2, "TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA256"],
  [0x00c3, "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256"],
  [0x00c4, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256"],
  [0x00c5, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256"],
  [0x1301, "TLS_AES_128_GCM_SHA256"],
  [0x1302, "TLS_AES_256_GCM_SHA384"],
  [0x1303, "TLS_CHACHA20_POLY1305_SHA256"],
  [0x1304, "TLS_AES_128_CCM_SHA256"],
  [0x1305, "TLS_AES_128_CCM_8_SHA256"],
  [0xc001, "TLS_ECDH_ECDSA_WITH_NULL_SHA"],
  [0xc002, "TLS_ECDH_ECDSA_WITH_RC4_128_SHA"],
  [0xc003, "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA"],
  [0xc004, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA"],
  [0xc005, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA"],
  [0xc006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA"],
  [0xc007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA"],
  [0xc008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA"],
  [0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"],
  [0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"],
  [0xc00b, "TLS_ECDH_RSA_WITH_NULL_SHA"],
  [0xc00c, "TLS_ECDH_RSA_WITH_RC4_128_SHA"],
  [0xc00d, "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA"],
  [0xc00e, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA"],
  [0xc00f, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA"],
  [0xc010, "TLS_ECDHE_RSA_WITH_NULL_SHA"],
  [0xc011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA"],
  [0xc012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"],
  [0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"],
  [0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"],
  [0xc015, "TLS_ECDH_anon_WITH_NULL_SHA"],
  [0xc016, "TLS_ECDH_anon_WITH_RC4_128_SHA"],
  [0xc017, "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA"],
  [0xc018, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA"],
  [0xc019, "TLS_ECDH_anon_WITH_AES_256_CBC_SHA"],
  [0xc01a, "TLS_SRP_SHA_WITH_3DES_EDE_CBC_SHA"],
  [0xc01b, "TLS_SRP_SHA_RSA_WITH_3DES_EDE_CBC_SHA"],
  [0xc01c, "TLS_SRP_SHA_DSS_WITH_3DES_EDE_CBC_SHA"],
  [0xc01d, "TLS_SRP_SHA_WITH_AES_128_CBC_SHA"],
  [0xc01e, "TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA"],
  [0xc01f, "TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA"],
  [0xc020, "TLS_SRP_SHA_WITH_AES_256_CBC_SHA"],
  [0xc021, "TLS_SRP_SHA_RSA_WITH_AES_256_CBC_SHA"],
  [0xc022, "TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA"],
  [0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"],
  [0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"],
  [0xc025, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256"],
  [0xc026, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384"],
  [0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"],
  [0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"],
  [0xc029, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256"],
  [0xc02a, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384"],
  [0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"],
  [0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"],
  [0xc02d, "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256"],
  [0xc02e, "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384"],
  [0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
  [0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"],
  [0xc031, "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256"],
  [0xc032, "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384"],
  [0xc033, "TLS_ECDHE_PSK_WITH_RC4_128_SHA"],
  [0xc034, "TLS_ECDHE_PSK_WITH_3DES_EDE_CBC_SHA"],
  [0xc035, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA"],
  [0xc036, "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA"],
  [0xc037, "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256"],
  [0xc038, "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384"],
  [0xc039, "TLS_ECDHE_PSK_WITH_NULL_SHA"],
  [0xc03a, "TLS_ECDHE_PSK_WITH_NULL_SHA256"],
  [0xc03b, "TLS_ECDHE_PSK_WITH_NULL_SHA384"],
  [0xc03c, "TLS_RSA_WITH_ARIA_128_CBC_SHA256"],
  [0xc03d, "TLS_RSA_WITH_ARIA_256_CBC_SHA384"],
  [0xc03e, "TLS_DH_DSS_WITH_ARIA_128_CBC_SHA256"],
  [0xc03f, "TLS_DH_DSS_WITH_ARIA_256_CBC_SHA384"],
  [0xc040, "TLS_DH_RSA_WITH_ARIA_128_CBC_SHA256"],
  [0xc041, "TLS_DH_RSA_WITH_ARIA_256_CBC_SHA384"],
  [0xc042, "TLS_DHE_DSS_WITH_ARIA_128_CBC_SHA256"],
  [0xc043, "TLS_DHE_DSS_WITH_ARIA_256_CBC_SHA384"],
  [0xc044, "TLS_DHE_RSA_WITH_ARIA_128_CBC_SHA256"],
  [0xc045, "TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384"],
  [0xc046, "TLS_DH_anon_WITH_ARIA_128_CBC_SHA256"],
  [0xc047, "TLS_DH_anon_WITH_ARIA_256_CBC_SHA384"],
  [0xc048, "TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256"],
  [0xc049, "TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384"],
  [0xc04a, "TLS_ECDH_ECDSA_WITH_ARIA_128_CBC_SHA256"],
  [0xc04b, "TLS_ECDH_ECDSA_WITH_ARIA_256_CBC_SHA384"],
  [0xc04c, "TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256"],
  [0xc04d, "TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384"],
  [0xc04e, "TLS_ECDH_RSA_WITH_ARIA_128_CBC_SHA256"],
  [0xc04f, "TLS_ECDH_RSA_WITH_ARIA_256_CBC_SHA384"],
  [0xc050, "TLS_RSA_WITH_ARIA_128_GCM_SHA256"],
  [0xc051, "TLS_RSA_WITH_ARIA_256_GCM_SHA384"],
  [0xc052, "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256"],
  [0xc053, "TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384"],
  [0xc054, "TLS_DH_RSA_WITH_ARIA_128_GCM_SHA256"],
  [0xc055, "TLS_DH_RSA_WITH_ARIA_256_GCM_SHA384"],
  [0xc056, "TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256"],
  [0xc057, "TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384"],
  [0xc058, "TLS_DH_DSS_WITH_ARIA_128_GCM_SHA256"],
  [0xc059, "TLS_DH_DSS_WITH_ARIA_256_GCM_SHA384"],
  [0xc05a, "TLS_DH_anon_WITH_ARIA_128_GCM_SHA256"],
  [0xc05b, "TLS_DH_anon_WITH_ARIA_256_GCM_SHA384"],
  [0xc05c, "TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256"],
  [0xc05d, "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384"],
  [0xc05e, "TLS_ECDH_ECDSA_WITH_ARIA_128_GCM_SHA256"],
  [0xc05f, "TLS_ECDH_ECDSA_WITH_ARIA_256_GCM_SHA384"],
  [0xc060, "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256"],
  [0xc061, "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384"],
  [0xc062, "TLS_ECDH_RSA_WITH_ARIA_128_GCM_SHA256"],
  [0xc063, "TLS_ECDH_RSA_WITH_ARIA_256_GCM_SHA384"],
  [0xc064, "TLS_PSK_WITH_ARIA_128_CBC_SHA256"],
  [0xc065, "TLS_PSK_WITH_ARIA_256_CBC_SHA384"],
  [0xc066, "TLS_DHE_PSK_WITH_ARIA_128_CBC_SHA256"],
  [0xc067, "TLS_DHE_PSK_WITH_ARIA_256_CBC_SHA384"],
  [0xc068, "TLS_RSA_PSK_WITH_ARIA_128_CBC_SHA256"],
  [0xc069, "TLS_RSA_PSK_WITH_ARIA_256_CBC_SHA384"],
  [0xc06a, "TLS_PSK_WITH_ARIA_128_GCM_SHA256"],
  [0xc06b, "TLS_PSK_WITH_ARIA_256_GCM_SHA384"],
  [0xc06c, "TLS_DHE_PSK_WITH_ARIA_128_GCM_SHA256"],
  [0xc06d, "TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384"],
  [0xc06e, "TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256"],
  [0xc06f, "TLS_RSA_PSK_WITH_ARIA_256_GCM_SHA384"],
  [0xc070, "TLS_ECDHE_PSK_WITH_ARIA_128_CBC_SHA256"],
  [0xc071, "TLS_ECDHE_PSK_WITH_ARIA_256_CBC_SHA384"],
  [0xc072, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256"],
  [0xc073, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384"],
  [0xc074, "TLS_ECDH_ECDSA_WITH_CAMELLIA_128_CBC_SHA256"],
  [0xc075, "TLS_ECDH_ECDSA_WITH_CAMELLIA_256_CBC_SHA384"],
  [0xc076, "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256"],
  [0xc077, "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384"],
  [0xc078, "TLS_ECDH_RSA_WITH_CAMELLIA_128_CBC_SHA256"],
  [0xc079, "TLS_ECDH_RSA_WITH_CAMELLIA_256_CBC_SHA384"],
  [0xc07a, "TLS_RSA_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc07b, "TLS_RSA_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc07c, "TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc07d, "TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc07e, "TLS_DH_RSA_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc07f, "TLS_DH_RSA_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc080, "TLS_DHE_DSS_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc081, "TLS_DHE_DSS_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc082, "TLS_DH_DSS_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc083, "TLS_DH_DSS_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc084, "TLS_DH_anon_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc085, "TLS_DH_anon_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc086, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc087, "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc088, "TLS_ECDH_ECDSA_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc089, "TLS_ECDH_ECDSA_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc08a, "TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc08b, "TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc08c, "TLS_ECDH_RSA_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc08d, "TLS_ECDH_RSA_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc08e, "TLS_PSK_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc08f, "TLS_PSK_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc090, "TLS_DHE_PSK_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc091, "TLS_DHE_PSK_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc092, "TLS_RSA_PSK_WITH_CAMELLIA_128_GCM_SHA256"],
  [0xc093, "TLS_RSA_PSK_WITH_CAMELLIA_256_GCM_SHA384"],
  [0xc094, "TLS_PSK_WITH_CAMELLIA_128_CBC_SHA256"],
  [0xc095, "TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384"],
  [0xc096, "TLS_DHE_PSK_WITH_CAMELLIA_128_CBC_SHA256"],
  [0xc097, "TLS_DHE_PSK_WITH_CAMELLIA_256_CBC_SHA384"],
  [0xc098, "TLS_RSA_PSK_WITH_CAMELLIA_128_CBC_SHA256"],
  [0xc099, "TLS_RSA_PSK_WITH_CAMELLIA_256_CBC_SHA384"],
  [0xc09a, "TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256"],
  [0xc09b, "TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384"],
  [0xc09c, "TLS_RSA_WITH_AES_128_CCM"],
  [0xc09d, "TLS_RSA_WITH_AES_256_CCM"],
  [0xc09e, "TLS_DHE_RSA_WITH_AES_128_CCM"],
  [0xc09f, "TLS_DHE_RSA_WITH_AES_256_CCM"],
  [0xc0a0, "TLS_RSA_WITH_AES_128_CCM_8"],
  [0xc0a1, "TLS_RSA_WITH_AES_256_CCM_8"],
  [0xc0a2, "TLS_DHE_RSA_WITH_AES_128_CCM_8"],
  [0xc0a3, "TLS_DHE_RSA_WITH_AES_256_CCM_8"],
  [0xc0a4, "TLS_PSK_WITH_AES_128_CCM"],
  [0xc0a5, "TLS_PSK_WITH_AES_256_CCM"],
  [0xc0a6, "TLS_DHE_PSK_WITH_AES_128_CCM"],
  [0xc0a7, "TLS_DHE_PSK_WITH_AES_256_CCM"],
  [0xc0a8, "TLS_PSK_WITH_AES_128_CCM_8"],
  [0xc0a9, "TLS_PSK_WITH_AES_256_CCM_8"],
  [0xc0aa, "TLS_PSK_DHE_WITH_AES_128_CCM_8"],
  [0xc0ab, "TLS_PSK_DHE_WITH_AES_256_CCM_8"],
  [0xc0ac, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM"],
  [0xc0ad, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM"],
  [0xc0ae, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8"],
  [0xc0af, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8"],
  [0xc0b0, "TLS_ECCPWD_WITH_AES_128_GCM_SHA256"],
  [0xc0b1, "TLS_ECCPWD_WITH_AES_256_GCM_SHA384"],
  [0xc0b2, "TLS_ECCPWD_WITH_AES_128_CCM_SHA256"],
  [0xc0b3, "TLS_ECCPWD_WITH_AES_256_CCM_SHA384"],
  [0xc100, "TLS_GOSTR341112_256_WITH_KUZNYECHIK_CTR_OMAC"],
  [0xc101, "TLS_GOSTR341112_256_WITH_MAGMA_CTR_OMAC"],
  [0xc102, "TLS_GOSTR341112_256_WITH_28147_CNT_IMIT"],
  // Pre-RFC ChaCha20 code points (Chrome/BoringSSL 2014-2016).
  [0xcc13, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD"],
  [0xcc14, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256_OLD"],
  [0xcc15, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD"],
  [0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"],
  [0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"],
  [0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"],
  [0xccab, "TLS_PSK_WITH_CHACHA20_POLY1305_SHA256"],
  [0xccac, "TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256"],
  [0xccad, "TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256"],
  [0xccae, "TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256"],
  [0xd001, "TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256"],
  [0xd002, "TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA384"],
  [0xd003, "TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256"],
  [0xd005, "TLS_ECDHE_PSK_WITH_AES_128_CCM_SHA256"],
  // Netscape's FIPS suites; the two ranges are duplicates, hence the _2 names.
  [0xfefe, "SSL_RSA_FIPS_WITH_DES_CBC_SHA"],
  [0xfeff, "SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA"],
  [0xffe0, "SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA_2"],
  [0xffe1, "SSL_RSA_FIPS_WITH_DES_CBC_SHA_2"],
];

/** SSLv2 cipher specs (3-byte codes); always RSA key exchange. */
const sslv2Specs: readonly (readonly [number, string, string, boolean])[] = [
  [0x010080, "SSL_CK_RC4_128_WITH_MD5", "RC4_128", false],
  [0x020080, "SSL_CK_RC4_128_EXPORT40_WITH_MD5", "RC4_40", true],
  [0x030080, "SSL_CK_RC2_128_CBC_WITH_MD5", "RC2_CBC_128", false],
  [0x040080, "SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5", "RC2_CBC_40", true],
  [0x050080, "SSL_CK_IDEA_128_CBC_WITH_MD5", "IDEA_CBC", false],
  [0x060040, "SSL_CK_DES_64_CBC_WITH_MD5", "DES_CBC", false],
  [0x0700c0, "SSL_CK_DES_192_EDE3_CBC_WITH_MD5", "3DES_EDE_CBC", false],
  [0x080080, "SSL_CK_RC4_64_WITH_MD5", "RC4_64", false],
];

const cipherKeysLongestFirst = Object.keys(ciphers).sort((a, b) => b.length - a.length);

const later = (a: ProtocolId, b: ProtocolId): ProtocolId =>
  protocolIds.indexOf(a) >= protocolIds.indexOf(b) ? a : b;

function describeTls(code: number, name: string): CipherSuite {
  const body = name.replace(/^(TLS|SSL)_/, "");
  const withAt = body.indexOf("_WITH_");
  const kexPart = withAt < 0 ? "TLS13" : body.slice(0, withAt);
  const rest = withAt < 0 ? body : body.slice(withAt + "_WITH_".length);
  const isExport = /_EXPORT(1024)?$/.test(kexPart);
  const kexInfo = keyExchanges[kexPart.replace(/_EXPORT(1024)?$/, "")];
  const cipher = cipherKeysLongestFirst.find((key) => rest === key || rest.startsWith(`${key}_`));
  const cipherInfo = cipher === undefined ? undefined : ciphers[cipher];
  if (!kexInfo || cipher === undefined || !cipherInfo)
    throw new Error(`cipher-suites: cannot describe ${name}`);
  const mac = rest.slice(cipher.length + 1);
  const aead = cipherInfo.aead ?? false;
  const tls13 = kexInfo.kex === "TLS13";
  const anonymous = kexInfo.auth === "anon";
  const minVersion = later(kexInfo.minVersion ?? "sslv3", aead || tls12Macs.has(mac) ? "tls1_2" : "sslv3");
  return {
    code,
    name,
    kex: kexInfo.kex,
    auth: kexInfo.auth,
    cipher,
    bits: cipherInfo.bits,
    aead,
    forwardSecrecy: ["DHE", "ECDHE", "ECCPWD", "TLS13"].includes(kexInfo.kex) && !anonymous,
    export: isExport,
    anonymous,
    null: cipherInfo.bits === 0,
    tls13,
    minVersion,
    maxVersion: tls13 ? "tls1_3" : "tls1_2",
  };
}

function describeSslv2([code, name, cipher, isExport]: (typeof sslv2Specs)[number]): CipherSuite {
  return {
    code,
    name,
    kex: "RSA",
    auth: "RSA",
    cipher,
    bits: ciphers[cipher]?.bits ?? 0,
    aead: false,
    forwardSecrecy: false,
    export: isExport,
    anonymous: false,
    null: false,
    tls13: false,
    minVersion: "sslv2",
    maxVersion: "sslv2",
  };
}

export const cipherSuites: readonly CipherSuite[] = [
  ...tlsSuites.map(([code, name]) => describeTls(code, name)),
  ...sslv2Specs.map(describeSslv2),
];

const byCode = new Map(cipherSuites.map((suite) => [suite.code, suite]));
const byName = new Map(cipherSuites.map((suite) => [suite.name, suite]));

export const cipherSuiteByCode = (code: number): CipherSuite | undefined => byCode.get(code);
export const cipherSuiteByName = (name: string): CipherSuite | undefined => byName.get(name);

/** The IANA name, or UNKNOWN_0xC0FF for a code point the table lacks (a server may pick anything). */
export function cipherSuiteName(code: number): string {
  const digits = code > 0xffff ? 6 : 4;
  return byCode.get(code)?.name ?? `UNKNOWN_0x${code.toString(16).toUpperCase().padStart(digits, "0")}`;
}

/** Strongest first, so a server that follows the client's order reveals its best suites first. */
function strength(suite: CipherSuite): number[] {
  const ecdhe = suite.kex === "ECDHE" || suite.tls13;
  // RC4 is broken whatever its key length.
  const rc4 = suite.cipher.startsWith("RC4");
  return [
    Number(suite.forwardSecrecy),
    Number(suite.aead),
    Number(!rc4),
    suite.bits,
    Number(ecdhe),
    Number(!suite.anonymous),
  ];
}

function compareStrength(a: CipherSuite, b: CipherSuite): number {
  const sa = strength(a);
  const sb = strength(b);
  const index = sa.findIndex((value, i) => value !== sb[i]);
  return index < 0 ? a.code - b.code : (sb[index] ?? 0) - (sa[index] ?? 0);
}

const offers = new Map<ProtocolId, readonly number[]>(
  protocolIds.map((protocol) => {
    const at = protocolIds.indexOf(protocol);
    const valid = cipherSuites.filter(
      (suite) => protocolIds.indexOf(suite.minVersion) <= at && at <= protocolIds.indexOf(suite.maxVersion),
    );
    return [protocol, [...valid].sort(compareStrength).map((suite) => suite.code)];
  }),
);

/** Every code point worth offering for `protocol`, strongest first. */
export const cipherSuitesFor = (protocol: ProtocolId): readonly number[] => offers.get(protocol) ?? [];
