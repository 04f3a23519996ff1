import { X509Certificate } from "node:crypto";
import { curveBits, type SignatureHash, signatureAlgorithms } from "./data/signature-algorithms";
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

/** Parses DER, or completes an X509Certificate Node already parsed (a handshake's peer chain). */
export function parseCertificate(source: Buffer | X509Certificate): ParsedCertificate {
  const x509 = source instanceof X509Certificate ? source : new X509Certificate(source);
  const der = x509.raw;
  const fields = readX509Fields(der);
  const { dnsNames, ipAddresses, aiaCaIssuers, ocspUrls, isCa } = fields;
  const algorithm = signatureAlgorithms[fields.signatureOid];
  const selfSigned = x509.subject === x509.issuer && safeVerify(x509, x509);
  const fingerprint = x509.fingerprint256.replaceAll(":", "").toLowerCase();
  const { keyType, keyBits } = keyOf(x509);

  return {
    der,
    x509,
    fingerprint,
    dnsNames,
    ipAddresses,
    aiaCaIssuers,
    ocspUrls,
    hasSct: fields.hasSct,
    serial: fields.serial,
    isCa,
    signatureHash: algorithm?.hash ?? "unknown",
    selfSigned,
    info(now) {
      const notAfter = new Date(x509.validTo);
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

/** Does `issuer` sign `cert`? (name chaining and the signature itself) */
export function safeVerify(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Certificates from DER, a PEM bundle, or several PEM blocks. */
export function parseCertificates(data: Buffer | string): ParsedCertificate[] {
  const text = typeof data === "string" ? data : data.toString("latin1");
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (blocks) return blocks.map((block) => parseCertificate(Buffer.from(new X509Certificate(block).raw)));
  return typeof data === "string" ? [] : [parseCertificate(data)];
}
