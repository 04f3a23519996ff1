/** OCSP responses for stapling tests, signed directly by the issuing CA (no delegated responder). */
import { createHash } from "node:crypto";
import {
  BasicOCSPResponse,
  CertID,
  CertStatus,
  id_pkix_ocsp_basic,
  KeyHash,
  OCSPResponse,
  OCSPResponseStatus,
  ResponderID,
  ResponseBytes,
  ResponseData,
  RevokedInfo,
  SingleResponse,
} from "@peculiar/asn1-ocsp";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier, Certificate } from "@peculiar/asn1-x509";
import { type IssuedCert, publicKeyHash, signatureAlgorithm, signDer } from "./pki";

export type OcspCertStatus = "good" | "revoked" | "unknown";

export interface OcspResponseSpec {
  cert: IssuedCert;
  issuer: IssuedCert;
  status: OcspCertStatus;
  /** Defaults to one day ago. */
  revokedAt?: Date;
  /** Defaults to now. */
  thisUpdate?: Date;
  /** Defaults to now + 7 days. */
  nextUpdate?: Date;
}

const DAY_MS = 86_400_000;
const id_sha1 = "1.3.14.3.2.26";

/** GeneralizedTime in OCSP must not carry fractional seconds (RFC 5280 §4.1.2.5.2 profile). */
const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

function certStatus(spec: OcspResponseSpec): CertStatus {
  switch (spec.status) {
    case "good":
      return new CertStatus({ good: null });
    case "unknown":
      return new CertStatus({ unknown: null });
    case "revoked": {
      const revocationTime = wholeSeconds(spec.revokedAt ?? new Date(Date.now() - DAY_MS));
      return new CertStatus({ revoked: new RevokedInfo({ revocationTime }) });
    }
  }
}

/** A DER OCSPResponse (successful, id-pkix-ocsp-basic) for `cert`, as a TLS server would staple it. */
export function createOcspResponse(spec: OcspResponseSpec): Buffer {
  const now = Date.now();
  const { tbsCertificate } = AsnConvert.parse(spec.cert.der, Certificate);
  const issuerKeyHash = publicKeyHash(spec.issuer.privateKey);
  // RFC 6960 §4.1.1: SHA-1 over the DER issuer name and over the issuer's subjectPublicKey bits.
  const certID = new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: id_sha1, parameters: null }),
    issuerNameHash: new OctetString(
      createHash("sha1")
        .update(Buffer.from(AsnConvert.serialize(tbsCertificate.issuer)))
        .digest(),
    ),
    issuerKeyHash: new OctetString(issuerKeyHash),
    serialNumber: tbsCertificate.serialNumber,
  });
  const responseData = new ResponseData({
    responderID: new ResponderID({ byKey: new KeyHash(issuerKeyHash) }),
    producedAt: wholeSeconds(new Date(now)),
    responses: [
      new SingleResponse({
        certID,
        certStatus: certStatus(spec),
        thisUpdate: wholeSeconds(spec.thisUpdate ?? new Date(now)),
        nextUpdate: wholeSeconds(spec.nextUpdate ?? new Date(now + 7 * DAY_MS)),
      }),
    ],
  });
  const basic = new BasicOCSPResponse({
    tbsResponseData: responseData,
    signatureAlgorithm: signatureAlgorithm(spec.issuer.privateKey, "sha256"),
    signature: signDer(AsnConvert.serialize(responseData), spec.issuer.privateKey, "sha256"),
  });
  const response = new OCSPResponse({
    responseStatus: OCSPResponseStatus.successful,
    responseBytes: new ResponseBytes({
      responseType: id_pkix_ocsp_basic,
      response: new OctetString(AsnConvert.serialize(basic)),
    }),
  });
  return Buffer.from(AsnConvert.serialize(response));
}
