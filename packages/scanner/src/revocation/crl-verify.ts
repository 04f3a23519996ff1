import { constants, type KeyObject, verify } from "node:crypto";
import { signatureAlgorithms } from "../data/signature-algorithms";
import type { ParsedCrl } from "./crl-parse";

const RSA_PSS = "1.2.840.113549.1.1.10";
const EDDSA = new Set(["1.3.101.112", "1.3.101.113"]);

/** Whether `issuerKey` signed the CRL (RSA PKCS#1, RSA-PSS with SHA-256, ECDSA, EdDSA). */
export function crlSignedBy(crl: ParsedCrl, issuerKey: KeyObject): boolean {
  const algorithm = signatureAlgorithms[crl.signatureOid];
  if (!algorithm) return false;
  try {
    if (EDDSA.has(crl.signatureOid)) return verify(null, crl.tbs, issuerKey, crl.signature);
    if (crl.signatureOid === RSA_PSS) {
      return verify(
        "sha256",
        crl.tbs,
        { key: issuerKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        crl.signature,
      );
    }
    return verify(algorithm.hash, crl.tbs, issuerKey, crl.signature);
  } catch {
    return false;
  }
}
