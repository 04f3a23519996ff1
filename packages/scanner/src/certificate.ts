import { X509Certificate } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import {
  AuthorityInfoAccessSyntax,
  BasicConstraints,
  Certificate,
  id_ce_basicConstraints,
  id_ce_subjectAltName,
  id_pe_authorityInfoAccess,
  SubjectAlternativeName,
} from "@peculiar/asn1-x509";
import { curveBits, type SignatureHash, signatureAlgorithms } from "./data/signature-algorithms";
import type { CertificateInfo } from "./report";

const ID_SCT_LIST = "1.3.6.1.4.1.11129.2.4.2";
const ID_AD_CA_ISSUERS = "1.3.6.1.5.5.7.48.2";
const ID_AD_OCSP = "1.3.6.1.5.5.7.48.1";
const DAY_MS = 86_400_000;

/** A served or fetched certificate with everything the analysis needs, parsed once. */
export interface ParsedCertificate {
  der: Buffer;
  x509: X509Certificate;
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

export function parseCertificate(der: Buffer): ParsedCertificate {
  const x509 = new X509Certificate(der);
  const asn = AsnConvert.parse(der, Certificate);
  const extensions = asn.tbsCertificate.extensions ?? [];
  const extension = (oid: string) =>
    extensions.find((candidate) => candidate.extnID === oid)?.extnValue.buffer;

  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  const san = extension(id_ce_subjectAltName);
  if (san) {
    for (const name of AsnConvert.parse(san, SubjectAlternativeName)) {
      if (name.dNSName !== undefined) dnsNames.push(name.dNSName.toLowerCase());
      if (name.iPAddress !== undefined) ipAddresses.push(name.iPAddress); // formatted by asn1-x509
    }
  }
  const aiaCaIssuers: string[] = [];
  const ocspUrls: string[] = [];
  const aia = extension(id_pe_authorityInfoAccess);
  if (aia) {
    for (const access of AsnConvert.parse(aia, AuthorityInfoAccessSyntax)) {
      const url = access.accessLocation.uniformResourceIdentifier;
      if (!url) continue;
      if (access.accessMethod === ID_AD_CA_ISSUERS) aiaCaIssuers.push(url);
      if (access.accessMethod === ID_AD_OCSP) ocspUrls.push(url);
    }
  }
  const basicConstraints = extension(id_ce_basicConstraints);
  const isCa = basicConstraints ? AsnConvert.parse(basicConstraints, BasicConstraints).cA : false;
  const algorithm = signatureAlgorithms[asn.signatureAlgorithm.algorithm];
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
    hasSct: extensions.some((candidate) => candidate.extnID === ID_SCT_LIST),
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
        signatureAlgorithm: algorithm?.name ?? asn.signatureAlgorithm.algorithm,
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
