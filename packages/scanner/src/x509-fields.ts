import { children, decodeOid, formatIp, readTlv, type Tlv, text } from "./der";

const OID = {
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1",
  crlDistributionPoints: "2.5.29.31",
  authorityKeyIdentifier: "2.5.29.35",
  sctList: "1.3.6.1.4.1.11129.2.4.2",
  caIssuers: "1.3.6.1.5.5.7.48.2",
  ocsp: "1.3.6.1.5.5.7.48.1",
};
const TAG = {
  boolean: 0x01,
  octetString: 0x04,
  extensions: 0xa3,
  dnsName: 0x82,
  uri: 0x86,
  ipAddress: 0x87,
  /** [0]: DistributionPoint.distributionPoint, DistributionPointName.fullName. */
  context0: 0xa0,
  /** [0] IMPLICIT OCTET STRING: AuthorityKeyIdentifier.keyIdentifier. */
  keyIdentifier: 0x80,
};

export interface X509Fields {
  signatureOid: string;
  serial: Buffer;
  dnsNames: string[];
  ipAddresses: string[];
  aiaCaIssuers: string[];
  ocspUrls: string[];
  /** HTTP(S) URLs of the CRL distribution points (full names only). */
  crlUrls: string[];
  /** The issuer's key identifier (AKI), for ACME Renewal Information. */
  authorityKeyId: Buffer | null;
  isCa: boolean;
  hasSct: boolean;
}

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue } (RFC 5280). */
export function readX509Fields(der: Buffer): X509Fields {
  const [tbs, signatureAlgorithm] = children(der, readTlv(der, 0));
  if (!tbs || !signatureAlgorithm) throw new Error("not an X.509 certificate");
  const tbsItems = children(der, tbs);
  const serial = tbsItems[tbsItems[0]?.tag === 0xa0 ? 1 : 0]!;
  const extensions = new Map<string, Tlv>();
  const container = tbsItems.find((item) => item.tag === TAG.extensions);
  if (container) {
    for (const extension of children(der, children(der, container)[0]!)) {
      const parts = children(der, extension);
      const value = parts.at(-1)!;
      if (value.tag === TAG.octetString)
        extensions.set(decodeOid(der, parts[0]!), readTlv(der, value.start, value.end));
    }
  }

  const fields: X509Fields = {
    signatureOid: decodeOid(der, children(der, signatureAlgorithm)[0]!),
    serial: der.subarray(serial.start, serial.end),
    dnsNames: [],
    ipAddresses: [],
    aiaCaIssuers: [],
    ocspUrls: [],
    crlUrls: [],
    authorityKeyId: null,
    isCa: false,
    hasSct: extensions.has(OID.sctList),
  };
  const san = extensions.get(OID.subjectAltName);
  for (const name of san ? children(der, san) : []) {
    if (name.tag === TAG.dnsName) fields.dnsNames.push(text(der, name).toLowerCase());
    if (name.tag === TAG.ipAddress) fields.ipAddresses.push(formatIp(der.subarray(name.start, name.end)));
  }
  const aia = extensions.get(OID.authorityInfoAccess);
  for (const access of aia ? children(der, aia) : []) {
    const [method, location] = children(der, access);
    if (!method || location?.tag !== TAG.uri) continue;
    const oid = decodeOid(der, method);
    if (oid === OID.caIssuers) fields.aiaCaIssuers.push(text(der, location));
    if (oid === OID.ocsp) fields.ocspUrls.push(text(der, location));
  }
  const distributionPoints = extensions.get(OID.crlDistributionPoints);
  for (const point of distributionPoints ? children(der, distributionPoints) : []) {
    fields.crlUrls.push(...distributionPointUrls(der, children(der, point)[0]));
  }
  const authorityKey = extensions.get(OID.authorityKeyIdentifier);
  const keyId = authorityKey
    ? children(der, authorityKey).find((item) => item.tag === TAG.keyIdentifier)
    : undefined;
  if (keyId) fields.authorityKeyId = der.subarray(keyId.start, keyId.end);
  const constraints = extensions.get(OID.basicConstraints);
  const ca = constraints ? children(der, constraints)[0] : undefined;
  fields.isCa = ca?.tag === TAG.boolean && der[ca.start] !== 0;
  return fields;
}

/**
 * The HTTP(S) URIs of a DistributionPointName's fullName ([0] { [0] GeneralNames }), as CRL
 * distribution points and a CRL's Issuing Distribution Point both carry them.
 */
export function distributionPointUrls(der: Buffer, distributionPoint: Tlv | undefined): string[] {
  if (distributionPoint?.tag !== TAG.context0) return [];
  const fullName = children(der, distributionPoint)[0];
  if (fullName?.tag !== TAG.context0) return [];
  return children(der, fullName)
    .filter((name) => name.tag === TAG.uri)
    .map((name) => text(der, name))
    .filter((url) => /^https?:\/\//i.test(url));
}
