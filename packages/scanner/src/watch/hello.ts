import { cipherSuiteByName } from "../data/cipher-suites";
import { buildClientHello } from "../wire/client-hello";
import { groupByName } from "../wire/groups";
import { signatureSchemes } from "../wire/signature-schemes";

const codeOf = <T>(name: string, found: T | undefined): T => {
  if (found === undefined) throw new Error(`watch hello: unknown ${name}`);
  return found;
};

/** As a modern client offers them: ECDHE with AES-GCM and ChaCha20 first, then CBC and RSA key exchange for old servers. */
const suites = [
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
  "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
  "TLS_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_256_CBC_SHA",
].map((name) => codeOf(name, cipherSuiteByName(name)?.code));

const groups = ["x25519", "secp256r1", "secp384r1"].map((name) => codeOf(name, groupByName(name)?.id));

const schemeIds = new Map(signatureSchemes.map(([id, name]) => [name, id]));
const signatureAlgorithms = [
  "ecdsa_secp256r1_sha256",
  "rsa_pss_rsae_sha256",
  "rsa_pkcs1_sha256",
  "ecdsa_secp384r1_sha384",
  "rsa_pss_rsae_sha384",
  "rsa_pkcs1_sha384",
  "rsa_pss_rsae_sha512",
  "rsa_pkcs1_sha512",
  "ecdsa_sha1",
  "rsa_pkcs1_sha1",
].map((name) => codeOf(name, schemeIds.get(name)));

/**
 * The plaintext read's ClientHello: TLS 1.2 only, shaped like a browser's (SNI, ALPN h2 and
 * http/1.1, status_request for the staple, extended_master_secret, renegotiation_info), so a
 * server answers it as it answers its visitors. No TLS 1.3: its certificates travel encrypted.
 */
export const watchHello = (servername: string): Buffer =>
  buildClientHello({
    version: "tls1_2",
    cipherSuites: suites,
    servername,
    groups,
    signatureAlgorithms,
    alpn: ["h2", "http/1.1"],
    statusRequest: true,
  });
