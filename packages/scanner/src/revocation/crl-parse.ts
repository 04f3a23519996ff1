import { children, DerError, decodeOid, readTlv, type Tlv } from "../der";
import { distributionPointUrls } from "../x509-fields";

/**
 * A certificate revocation list (RFC 5280 §5), read with the scanner's DER reader: the parts a
 * verdict needs, and every revoked serial in a map. CRLs run to megabytes and a hundred thousand
 * entries; a schema parser would build an object per field.
 */
export interface ParsedCrl {
  /** The signed bytes (TBSCertList, tag and length included). */
  tbs: Buffer;
  signatureOid: string;
  signature: Buffer;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** The Issuing Distribution Point's URLs; null when the CRL has none (a full CRL for its issuer). */
  distributionPointUrls: string[] | null;
  /** Revoked serials (lower-case hex of the INTEGER's content, leading zeros stripped). */
  revoked: Map<string, { revokedAt: Date; reason: string | null }>;
}

const OID = { issuingDistributionPoint: "2.5.29.28", reasonCode: "2.5.29.21" };
const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  enumerated: 0x0a,
  sequence: 0x30,
  utcTime: 0x17,
  generalizedTime: 0x18,
  crlExtensions: 0xa0,
};

/** CRLReason (RFC 5280 §5.3.1) by value; 7 is unused. */
const reasons = [
  "unspecified",
  "keyCompromise",
  "cACompromise",
  "affiliationChanged",
  "superseded",
  "cessationOfOperation",
  "certificateHold",
  undefined,
  "removeFromCRL",
  "privilegeWithdrawn",
  "aACompromise",
];

/** The lookup form of a serial: hex of its DER content without leading zeros. */
export const serialKey = (bytes: Buffer) => bytes.toString("hex").replace(/^(00)+/, "") || "00";

function readTime(der: Buffer, tlv: Tlv): Date {
  const value = der.toString("latin1", tlv.start, tlv.end);
  const match =
    tlv.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(value)
      : tlv.tag === TAG.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(value)
        : null;
  if (!match) throw new DerError(`not a time: ${value}`);
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  // UTCTime: 50–99 are 19xx (RFC 5280 §4.1.2.5.1).
  const fullYear = tlv.tag === TAG.utcTime ? (year! >= 50 ? 1900 : 2000) + year! : year!;
  return new Date(Date.UTC(fullYear, month! - 1, day, hour, minute, second));
}

const isTime = (tlv: Tlv | undefined) => tlv?.tag === TAG.utcTime || tlv?.tag === TAG.generalizedTime;

/** Extensions ::= SEQUENCE OF { extnID, critical?, extnValue OCTET STRING }: value TLVs by OID. */
function extensionValues(der: Buffer, extensions: Tlv): Map<string, Tlv> {
  const values = new Map<string, Tlv>();
  for (const extension of children(der, extensions)) {
    const parts = children(der, extension);
    const value = parts.at(-1);
    if (parts[0] && value?.tag === TAG.octetString) {
      values.set(decodeOid(der, parts[0]), readTlv(der, value.start, value.end));
    }
  }
  return values;
}

/** Parses a DER CRL; throws DerError when it is not one. */
export function parseCrl(der: Buffer): ParsedCrl {
  const outer = readTlv(der, 0);
  if (outer.tag !== TAG.sequence) throw new DerError("not a CRL");
  const [tbs, algorithm, signature] = children(der, outer);
  if (tbs?.tag !== TAG.sequence || !algorithm || signature?.tag !== TAG.bitString) {
    throw new DerError("not a CRL");
  }
  const items = children(der, tbs);
  let index = items[0]?.tag === TAG.integer ? 1 : 0; // version (v2) is optional
  index += 2; // signature AlgorithmIdentifier, issuer Name
  const thisUpdate = items[index++];
  if (!isTime(thisUpdate)) throw new DerError("CRL without thisUpdate");
  const nextUpdate = isTime(items[index]) ? items[index++] : undefined;
  const revoked = new Map<string, { revokedAt: Date; reason: string | null }>();
  if (items[index]?.tag === TAG.sequence) {
    for (const entry of children(der, items[index++]!)) {
      const [serial, date, entryExtensions] = children(der, entry);
      if (serial?.tag !== TAG.integer || !date) throw new DerError("bad CRL entry");
      const reasonCode = entryExtensions
        ? extensionValues(der, entryExtensions).get(OID.reasonCode)
        : undefined;
      revoked.set(serialKey(der.subarray(serial.start, serial.end)), {
        revokedAt: readTime(der, date),
        reason: reasonCode?.tag === TAG.enumerated ? (reasons[der[reasonCode.start]!] ?? null) : null,
      });
    }
  }
  let idpUrls: string[] | null = null;
  const crlExtensions = items[index];
  if (crlExtensions?.tag === TAG.crlExtensions) {
    const idp = extensionValues(der, children(der, crlExtensions)[0]!).get(OID.issuingDistributionPoint);
    if (idp) idpUrls = distributionPointUrls(der, children(der, idp)[0]);
  }
  const signatureBits = der.subarray(signature.start, signature.end);
  return {
    // TBSCertList is the first element, so its header starts where the outer value does.
    tbs: der.subarray(outer.start, tbs.end),
    signatureOid: decodeOid(der, children(der, algorithm)[0]!),
    signature: signatureBits.subarray(1), // the BIT STRING's unused-bits byte
    thisUpdate: readTime(der, thisUpdate!),
    nextUpdate: nextUpdate ? readTime(der, nextUpdate) : null,
    distributionPointUrls: idpUrls,
    revoked,
  };
}
