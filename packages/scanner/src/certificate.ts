import { X509Certificate } from "node:crypto";
import { curveBits, type SignatureHash, signatureAlgorithms } from "./data/signature-algorithms";
import { pemCertificates } from "./pem";
import { recentlyUsed } from "./recently-used";
import type { CertificateInfo } from "./report";
import { readX509Fields } from "./x509-fields";

const DAY_MS = 86_400_000;

/** A served or fetched certificate with everything the analysis needs, parsed once. */
export interface ParsedCertificate {
  der: Buffer;
  x509: X509Certificate;
  /** DER INTEGER content of the serial number (for OCSP). */
  serial: Buffer;
  fingerprint: string;
  dnsNames: string[];
  ipAddresses: string[];
  aiaCaIssuers: string[];
  ocspUrls: string[];
  crlUrls: string[];
  authorityKeyId: Buffer | null;
  hasSct: boolean;
  isCa: boolean;
  signatureHash: SignatureHash;
  /** Issuer and subject are the same name and the certificate verifies with its own key. */
  selfSigned: boolean;
  info(now: Date): CertificateInfo;
}

const oneLine = (name: string) => name.split("\n").filter(Boolean).join(", ");

function keyOf(x509: X509Certificate): { keyType: CertificateInfo["keyType"]; keyBits: number } {
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case "rsa":
    case "rsa-pss":
      return { keyType: "RSA", keyBits: details.modulusLength ?? 0 };
    case "ec":
      return { keyType: "EC", keyBits: curveBits[details.namedCurve ?? ""] ?? 0 };
    case "ed25519":
      return { keyType: "Ed25519", keyBits: 256 };
    case "ed448":
      return { keyType: "Ed448", keyBits: 456 };
    case "dsa":
      return { keyType: "DSA", keyBits: details.modulusLength ?? 0 };
    default:
      return { keyType: "unknown", keyBits: 0 };
  }
}

/**
 * Parsing costs about 0.25 ms per certificate on Node 20 (OpenSSL 3.0 decodes the key eagerly), and
 * certificates repeat: the same intermediates across domains, the same leaf on every rescan. The
 * most recently used are kept, parsed (a ParsedCertificate is immutable).
 */
const recentlyParsed = recentlyUsed<ParsedCertificate>(512);

/** Parses one DER certificate. */
export function parseCertificate(der: Buffer): ParsedCertificate {
  return recentlyParsed(der.toString("latin1"), () => parseDer(Buffer.from(der)));
}

function parseDer(der: Buffer): ParsedCertificate {
  const x509 = new X509Certificate(der);
  const fields = readX509Fields(der);
  const { dnsNames, ipAddresses, aiaCaIssuers, ocspUrls, isCa } = fields;
  const algorithm = signatureAlgorithms[fields.signatureOid];
  const selfSigned = x509.subject === x509.issuer && safeVerify(x509, x509);
  const fingerprint = x509.fingerprint256.replaceAll(":", "").toLowerCase();
  const { keyType, keyBits } = keyOf(x509);
  const notAfter = new Date(x509.validTo);

  return {
    der,
    x509,
    fingerprint,
    dnsNames,
    ipAddresses,
    aiaCaIssuers,
    ocspUrls,
    crlUrls: fields.crlUrls,
    authorityKeyId: fields.authorityKeyId,
    hasSct: fields.hasSct,
    serial: fields.serial,
    isCa,
    signatureHash: algorithm?.hash ?? "unknown",
    selfSigned,
    info(now) {
      return {
        subject: oneLine(x509.subject),
        issuer: oneLine(x509.issuer),
        sans: [...dnsNames, ...ipAddresses],
        notBefore: new Date(x509.validFrom).toISOString(),
        notAfter: notAfter.toISOString(),
        daysRemaining: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS),
        fingerprintSha256: fingerprint,
        serialNumber: x509.serialNumber.toUpperCase(),
        keyType,
        keyBits,
        signatureAlgorithm: algorithm?.name ?? fields.signatureOid,
        pem: x509.toString(),
      };
    },
  };
}

/** Verdicts per certificate and issuer object: parsed certificates are shared, and a signature's check is not cheap. */
const verdicts = new WeakMap<X509Certificate, WeakMap<X509Certificate, boolean>>();

/** Does `issuer` sign `cert`? (name chaining and the signature itself) */
export function safeVerify(cert: X509Certificate, issuer: X509Certificate): boolean {
  const byIssuer = verdicts.get(cert) ?? new WeakMap<X509Certificate, boolean>();
  const known = byIssuer.get(issuer);
  if (known !== undefined) return known;
  let verdict: boolean;
  try {
    verdict = cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    verdict = false;
  }
  verdicts.set(cert, byIssuer.set(issuer, verdict));
  return verdict;
}

/** Certificates from DER, a PEM bundle, or several PEM blocks. */
export function parseCertificates(data: Buffer | string): ParsedCertificate[] {
  const text = typeof data === "string" ? data : data.toString("latin1");
  const blocks = pemCertificates(text);
  if (blocks.length) return blocks.map((der) => parseCertificate(der));
  return typeof data === "string" ? [] : [parseCertificate(data)];
}
