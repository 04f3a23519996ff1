import { createHash } from "node:crypto";
import {
  BasicOCSPResponse,
  CertID,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  Request,
  TBSRequest,
} from "@peculiar/asn1-ocsp";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier, Certificate } from "@peculiar/asn1-x509";
import { boundedRequest, type RequestLimits } from "@port443/net";
import type { ParsedCertificate } from "./certificate";
import { MAX_URLS_PER_CERTIFICATE } from "./scan-limits";

export type OcspStatus = "good" | "revoked" | "unknown";

const SHA1_OID = "1.3.14.3.2.26";

const hex = (bytes: ArrayBuffer | Buffer) =>
  Buffer.from(new Uint8Array(bytes))
    .toString("hex")
    .replace(/^(00)+/, "");
const sameSerial = (a: ArrayBuffer | Buffer, b: ArrayBuffer | Buffer) => hex(a) === hex(b);

/** The status an OCSP response gives for `cert`; null when it is unusable or about another certificate. */
export function ocspStatus(responseDer: Buffer, cert: ParsedCertificate): OcspStatus | null {
  try {
    const response = AsnConvert.parse(responseDer, OCSPResponse);
    if (response.responseStatus !== OCSPResponseStatus.successful || !response.responseBytes) return null;
    const basic = AsnConvert.parse(response.responseBytes.response.buffer, BasicOCSPResponse);
    const serial = AsnConvert.parse(cert.der, Certificate).tbsCertificate.serialNumber;
    const single = basic.tbsResponseData.responses.find((entry) =>
      sameSerial(entry.certID.serialNumber, serial),
    );
    if (!single) return null;
    if (single.certStatus.revoked) return "revoked";
    if (single.certStatus.good !== undefined) return "good";
    return "unknown";
  } catch {
    return null;
  }
}

/** An OCSP request for `cert` (RFC 6960 CertID with SHA-1 hashes of the issuer's name and key). */
export function ocspRequest(cert: ParsedCertificate, issuer: ParsedCertificate): Buffer {
  const issuerAsn = AsnConvert.parse(issuer.der, Certificate);
  const sha1 = (data: ArrayBuffer) => new OctetString(createHash("sha1").update(Buffer.from(data)).digest());
  const certId = new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA1_OID, parameters: null }),
    issuerNameHash: sha1(AsnConvert.serialize(issuerAsn.tbsCertificate.subject)),
    issuerKeyHash: sha1(issuerAsn.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey),
    serialNumber: new Uint8Array(cert.serial).buffer,
  });
  const request = new OCSPRequest({
    tbsRequest: new TBSRequest({ requestList: [new Request({ reqCert: certId })] }),
  });
  return Buffer.from(AsnConvert.serialize(request));
}

/** Asks the responder in the certificate's AIA; null when there is none or it does not answer usefully. */
export async function fetchOcspStatus(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  options: RequestLimits,
): Promise<OcspStatus | null> {
  for (const url of cert.ocspUrls.slice(0, MAX_URLS_PER_CERTIFICATE)) {
    try {
      const response = await boundedRequest(url, {
        ...options,
        method: "POST",
        body: ocspRequest(cert, issuer),
        headers: { "content-type": "application/ocsp-request" },
        maxBytes: 64 * 1024,
      });
      if (response.status !== 200) continue;
      const status = ocspStatus(response.body, cert);
      if (status) return status;
    } catch {
      // unreachable or refused responder: revocation stays unknown, as for a browser soft-failing
    }
  }
  return null;
}
