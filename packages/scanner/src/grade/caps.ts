import { type Analysis, allSuites, foundVulnerable, isCbc, protocolUnknown, signedPath } from "../analysis";
import type { Grade } from "../report";

const expired = (a: Analysis) => new Date(a.leaf.x509.validTo) < a.now;
const notYetValid = (a: Analysis) => new Date(a.leaf.x509.validFrom) > a.now;
const rsaBits = (a: Analysis) => {
  const { keyType, keyBits } = a.leaf.info(a.now);
  return keyType === "RSA" || keyType === "DSA" ? keyBits : Number.POSITIVE_INFINITY;
};
const anySuite = (a: Analysis, test: (suite: ReturnType<typeof allSuites>[number]) => boolean) =>
  allSuites(a).some(test);
const modernSuites = (a: Analysis) => [
  ...(a.suites.tls1_1 ?? []),
  ...(a.suites.tls1_2 ?? []),
  ...(a.suites.tls1_3 ?? []),
];
const isRc4 = (suite: { cipher: string }) => suite.cipher.startsWith("RC4");
const is3des = (suite: { cipher: string }) => suite.cipher.includes("3DES");

/** Grade caps (SSL Labs Server Rating Guide), as data: the worst cap that applies bounds the grade. */
export const gradeCaps: { grade: Grade; reason: string; applies: (analysis: Analysis) => boolean }[] = [
  { grade: "M", reason: "certificate name mismatch", applies: (a) => !a.hostnameMatches },
  {
    grade: "T",
    reason: "certificate not trusted",
    applies: (a) => !a.chain.trusted && !a.leafTrustedDirectly && !a.leaf.selfSigned,
  },
  {
    grade: "T",
    reason: "self-signed certificate",
    applies: (a) => a.leaf.selfSigned && !a.leafTrustedDirectly,
  },
  { grade: "T", reason: "certificate expired", applies: expired },
  { grade: "T", reason: "certificate not yet valid", applies: notYetValid },
  { grade: "T", reason: "certificate revoked", applies: (a) => a.revocation.status === "revoked" },
  {
    grade: "T",
    reason: "SHA-1 signature on the certificate",
    applies: (a) => a.leaf.signatureHash === "sha1",
  },
  { grade: "F", reason: "SSL 2.0 supported", applies: (a) => a.protocols.sslv2 },
  {
    grade: "F",
    reason: "insecure renegotiation (no RFC 5746)",
    applies: (a) => a.legacyExtensions?.secureRenegotiation === false,
  },
  {
    grade: "F",
    reason: "export cipher suites accepted",
    applies: (a) => anySuite(a, (suite) => suite.export),
  },
  { grade: "F", reason: "NULL cipher suites accepted", applies: (a) => anySuite(a, (suite) => suite.null) },
  { grade: "F", reason: "RSA key smaller than 1024 bits", applies: (a) => rsaBits(a) < 1024 },
  {
    grade: "F",
    reason: "DH parameters smaller than 1024 bits",
    applies: (a) => a.dhBits !== null && a.dhBits < 1024,
  },
  {
    grade: "F",
    reason: "MD5 signature in the chain",
    applies: (a) =>
      signedPath(a).some((cert) => cert.signatureHash === "md5" || cert.signatureHash === "md2"),
  },
  { grade: "F", reason: "Heartbleed", applies: (a) => foundVulnerable(a, "vuln.heartbleed") },
  { grade: "F", reason: "CCS injection", applies: (a) => foundVulnerable(a, "vuln.ccs_injection") },
  { grade: "F", reason: "Ticketbleed", applies: (a) => foundVulnerable(a, "vuln.ticketbleed") },
  { grade: "F", reason: "ROBOT (RSA padding oracle)", applies: (a) => foundVulnerable(a, "vuln.robot") },
  { grade: "C", reason: "CRIME (TLS compression)", applies: (a) => foundVulnerable(a, "vuln.crime") },
  { grade: "C", reason: "POODLE (CBC over SSL 3.0)", applies: (a) => (a.suites.sslv3 ?? []).some(isCbc) },
  {
    grade: "C",
    reason: "TLS 1.2 not supported",
    applies: (a) => !a.protocols.tls1_2 && !protocolUnknown(a, "tls1_2"),
  },
  {
    grade: "C",
    reason: "RC4 or 3DES with TLS 1.1 or newer",
    applies: (a) => modernSuites(a).some((suite) => isRc4(suite) || is3des(suite)),
  },
  {
    grade: "B",
    reason: "TLS 1.0 or 1.1 supported",
    applies: (a) => a.protocols.tls1_0 || a.protocols.tls1_1,
  },
  { grade: "B", reason: "SSL 3.0 supported", applies: (a) => a.protocols.sslv3 },
  { grade: "B", reason: "RC4 accepted", applies: (a) => anySuite(a, isRc4) },
  { grade: "B", reason: "incomplete certificate chain", applies: (a) => a.chain.fetched.length > 0 },
  { grade: "B", reason: "RSA key smaller than 2048 bits", applies: (a) => rsaBits(a) < 2048 },
  {
    grade: "B",
    reason: "DH parameters smaller than 2048 bits",
    applies: (a) => a.dhBits !== null && a.dhBits < 2048,
  },
  {
    grade: "B",
    reason: "no forward secrecy",
    applies: (a) => allSuites(a).length > 0 && !anySuite(a, (suite) => suite.forwardSecrecy),
  },
  {
    grade: "B",
    reason: "no AEAD cipher suites",
    applies: (a) => allSuites(a).length > 0 && !anySuite(a, (suite) => suite.aead),
  },
  {
    grade: "A-",
    reason: "TLS 1.3 not supported",
    applies: (a) => !a.protocols.tls1_3 && !protocolUnknown(a, "tls1_3"),
  },
  { grade: "A-", reason: "no HSTS", applies: (a) => !a.hsts },
];
