import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import {
  Certificate,
  CertificateList,
  CRLReason,
  CRLReasons,
  DistributionPointName,
  Extension,
  GeneralName,
  IssuingDistributionPoint,
  id_ce_cRLReasons,
  id_ce_issuingDistributionPoint,
  RevokedCertificate,
  TBSCertList,
  Time,
} from "@peculiar/asn1-x509";
import type { IssuedCert } from "./pki";
import { signatureAlgorithm, signDer } from "./pki";

export interface CrlSpec {
  /** The CA whose CRL this is: its name goes in, and its key signs (unless `signer` is given). */
  issuer: IssuedCert;
  /** Sign with another CA's key instead: a CRL that does not verify. */
  signer?: IssuedCert;
  revoked?: { cert: IssuedCert; at?: Date; reason?: keyof typeof CRLReasons }[];
  /** Defaults: an hour ago, and in a week. */
  thisUpdate?: Date;
  nextUpdate?: Date;
  /** Issuing Distribution Point URL (the CRL's own scope), as Let's Encrypt's shards carry. */
  distributionPoint?: string;
  /** Extra entries for revoked certificates that do not exist, to make the CRL large. */
  padding?: number;
}

const HOUR_MS = 3_600_000;

function extension(extnID: string, value: unknown, critical = false): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

/** A DER CRL (v2) from the test PKI, signed like its certificates. */
export function createCrl(spec: CrlSpec): Buffer {
  const now = Date.now();
  const signer = spec.signer ?? spec.issuer;
  const algorithm = signatureAlgorithm(signer.privateKey, "sha256");
  const entries = (spec.revoked ?? []).map(
    ({ cert, at, reason }) =>
      new RevokedCertificate({
        userCertificate: AsnConvert.parse(cert.der, Certificate).tbsCertificate.serialNumber,
        revocationDate: new Time(at ?? new Date(now - HOUR_MS)),
        crlEntryExtensions: reason
          ? [extension(id_ce_cRLReasons, new CRLReason(CRLReasons[reason]))]
          : undefined,
      }),
  );
  for (let index = 0; index < (spec.padding ?? 0); index++) {
    const serial = Buffer.alloc(16);
    serial.writeUInt32BE(index + 1, 12);
    serial[0] = 0x7f;
    entries.push(
      new RevokedCertificate({
        userCertificate: new Uint8Array(serial).buffer,
        revocationDate: new Time(new Date(now)),
      }),
    );
  }
  const tbs = new TBSCertList({
    version: 1, // v2
    signature: algorithm,
    issuer: AsnConvert.parse(spec.issuer.der, Certificate).tbsCertificate.subject,
    thisUpdate: new Time(spec.thisUpdate ?? new Date(now - HOUR_MS)),
    nextUpdate: new Time(spec.nextUpdate ?? new Date(now + 7 * 24 * HOUR_MS)),
    revokedCertificates: entries.length ? entries : undefined,
    crlExtensions: spec.distributionPoint
      ? [
          extension(
            id_ce_issuingDistributionPoint,
            new IssuingDistributionPoint({
              distributionPoint: new DistributionPointName({
                fullName: [new GeneralName({ uniformResourceIdentifier: spec.distributionPoint })],
              }),
              onlyContainsUserCerts: true,
            }),
            true,
          ),
        ]
      : undefined,
  });
  const list = new CertificateList({
    tbsCertList: tbs,
    signatureAlgorithm: algorithm,
    signature: signDer(AsnConvert.serialize(tbs), signer.privateKey, "sha256"),
  });
  return Buffer.from(AsnConvert.serialize(list));
}
