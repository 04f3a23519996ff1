/**
 * Test certificate factory. Certificates are assembled with @peculiar/asn1-x509 and signed with
 * node:crypto rather than @peculiar/x509: that library needs a `reflect-metadata` polyfill we do not
 * ship, and WebCrypto cannot make the weak certificates the scanner must grade (MD5, RSA-512).
 */
import {
  createHash,
  createPublicKey,
  generateKeyPair,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  X509Certificate,
} from "node:crypto";
import { promisify } from "node:util";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import {
  AccessDescription,
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  CRLDistributionPoints,
  DistributionPoint,
  DistributionPointName,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  GeneralName,
  id_ad_caIssuers,
  id_ad_ocsp,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_cRLDistributionPoints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
  id_kp_serverAuth,
  id_pe_authorityInfoAccess,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from "@peculiar/asn1-x509";

export type KeySpec = { type: "rsa"; bits: number } | { type: "ec"; curve: "P-256" | "P-384" | "P-521" };
export type SignatureHash = "sha256" | "sha384" | "sha1" | "md5";

export interface CertSpec {
  /** Distinguished name such as "CN=leaf.test, O=Port443"; attributes are encoded in the order written. */
  subject: string;
  /** Omit for a self-signed certificate. */
  issuer?: IssuedCert;
  /** Defaults to EC P-256, which is fast to generate. */
  key?: KeySpec;
  /** Hash of the issuer's signature; defaults to sha256. md5 needs an RSA issuer key (ECDSA has no MD5 OID). */
  signatureHash?: SignatureHash;
  /**
   * Defaults: now - 1 day (a leaf given only notAfter: 398 days before it), and now + 90 days (a
   * leaf) or + 5 years (a CA). CAs outlive their leaves as real ones do; equal lifetimes made
   * "intermediate expires before the leaf" depend on the clock's second.
   */
  notBefore?: Date;
  notAfter?: Date;
  dnsNames?: string[];
  ipAddresses?: string[];
  ca?: boolean;
  pathLength?: number;
  /** URL (or URLs, in order) for Authority Information Access caIssuers. */
  aiaCaIssuers?: string | string[];
  /** URL (or URLs, in order) for Authority Information Access OCSP. */
  ocspUrl?: string | string[];
  /** URL of the CRL distribution point. */
  crlUrl?: string;
  /** Adds a syntactically valid (but unverifiable) embedded SCT list. */
  sct?: boolean;
  /** Hex; random 128-bit when omitted. */
  serialNumber?: string;
}

export interface IssuedCert {
  der: Buffer;
  pem: string;
  /** PKCS#8 PEM, ready for `tls.createServer({ key })`. */
  keyPem: string;
  privateKey: KeyObject;
  spec: CertSpec;
  /** As Node reports it in `X509Certificate.serialNumber` (uppercase hex). */
  serialHex: string;
}

const DAY_MS = 86_400_000;

/**
 * A day ago, or for a leaf given only its expiry, 398 days before it: "expires in 5 days" is then
 * a yearly certificate renewed by hand, judged by the fixed day thresholds as such cases always
 * were. Certificates CAs issue now (200 days at most) are judged by their lifetime instead; a test
 * about those gives notBefore too.
 */
function defaultNotBefore(spec: CertSpec, now: number): Date {
  const dayAgo = now - DAY_MS;
  if (spec.ca || !spec.notAfter) return new Date(dayAgo);
  return new Date(Math.min(dayAgo, spec.notAfter.getTime() - 398 * DAY_MS));
}
const id_sctList = "1.3.6.1.4.1.11129.2.4.2";

/** Attribute OIDs accepted in subject strings. */
const nameAttributes: Record<string, string> = {
  CN: "2.5.4.3",
  C: "2.5.4.6",
  L: "2.5.4.7",
  ST: "2.5.4.8",
  O: "2.5.4.10",
  OU: "2.5.4.11",
};

/** Signature algorithm OIDs by issuer key type and hash. */
const signatureOids: Record<"rsa" | "ec", Partial<Record<SignatureHash, string>>> = {
  rsa: {
    md5: "1.2.840.113549.1.1.4",
    sha1: "1.2.840.113549.1.1.5",
    sha256: "1.2.840.113549.1.1.11",
    sha384: "1.2.840.113549.1.1.12",
  },
  ec: {
    sha1: "1.2.840.10045.4.1",
    sha256: "1.2.840.10045.4.3.2",
    sha384: "1.2.840.10045.4.3.3",
  },
};

/** The AlgorithmIdentifier for signing with `key` over `hash`. */
export function signatureAlgorithm(key: KeyObject, hash: SignatureHash): AlgorithmIdentifier {
  const keyType = key.asymmetricKeyType;
  if (keyType !== "rsa" && keyType !== "ec") throw new Error(`Unsupported signing key type: ${keyType}`);
  const algorithm = signatureOids[keyType][hash];
  if (!algorithm) throw new Error(`No signature algorithm for ${hash} with an ${keyType} key`);
  // PKCS#1 algorithms carry an explicit NULL parameter; ECDSA ones carry none (RFC 5758).
  return new AlgorithmIdentifier({ algorithm, parameters: keyType === "rsa" ? null : undefined });
}

/** DER-ready signature bytes (ECDSA signatures come out DER-encoded, as X.509 and OCSP want). */
export function signDer(data: ArrayBuffer, key: KeyObject, hash: SignatureHash): ArrayBuffer {
  return new Uint8Array(sign(hash, new Uint8Array(data), key)).buffer;
}

/** SHA-1 of the subjectPublicKey bits: the RFC 5280 key identifier, also OCSP's issuerKeyHash. */
export function publicKeyHash(key: KeyObject): Buffer {
  return createHash("sha1")
    .update(Buffer.from(publicKeyInfo(key).subjectPublicKey))
    .digest();
}

function publicKeyInfo(key: KeyObject): SubjectPublicKeyInfo {
  const spki = createPublicKey(key).export({ type: "spki", format: "der" });
  return AsnConvert.parse(spki, SubjectPublicKeyInfo);
}

function parseName(dn: string): Name {
  return new Name(
    dn.split(",").map((part) => {
      const [key = "", ...rest] = part.split("=");
      const type = nameAttributes[key.trim().toUpperCase()];
      if (!type || rest.length === 0) throw new Error(`Unsupported name attribute "${part}" in "${dn}"`);
      const text = rest.join("=").trim();
      const value = new AttributeValue(
        type === nameAttributes.C ? { printableString: text } : { utf8String: text },
      );
      return new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value })]);
    }),
  );
}

/** Positive, minimal DER INTEGER bytes for a hex serial. */
function serialBytes(hex: string | undefined): ArrayBuffer {
  const random = randomBytes(16);
  random[0] = (random[0]! & 0x7f) | 0x40;
  const digits = hex === undefined ? random.toString("hex") : BigInt(`0x${hex}`).toString(16);
  const bytes = Buffer.from(digits.padStart(digits.length + (digits.length % 2), "0"), "hex");
  const der = bytes[0]! & 0x80 ? Buffer.concat([Buffer.of(0), bytes]) : bytes;
  return new Uint8Array(der).buffer;
}

/** A one-entry RFC 6962 SignedCertificateTimestampList with a real ECDSA signature over junk. */
function sctList(): Buffer {
  const header = Buffer.alloc(1 + 32 + 8 + 2);
  randomBytes(32).copy(header, 1); // log id
  header.writeBigUInt64BE(BigInt(Date.now()), 33);
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const signature = sign("sha256", header, privateKey);
  const signed = Buffer.alloc(4);
  signed.writeUInt8(4, 0); // sha256
  signed.writeUInt8(3, 1); // ecdsa
  signed.writeUInt16BE(signature.length, 2);
  const sct = Buffer.concat([header, signed, signature]);
  const list = Buffer.alloc(4);
  list.writeUInt16BE(sct.length + 2, 0);
  list.writeUInt16BE(sct.length, 2);
  return Buffer.concat([list, sct]);
}

function extension(extnID: string, value: unknown, critical = false): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

function extensionsFor(spec: CertSpec, key: KeyObject, issuerKey: KeyObject): Extension[] {
  // A self-signed leaf needs keyCertSign for OpenSSL to see it as self-signed (not merely unknown-issuer).
  const leafUsage =
    KeyUsageFlags.digitalSignature |
    (key.asymmetricKeyType === "rsa" ? KeyUsageFlags.keyEncipherment : 0) |
    (spec.issuer ? 0 : KeyUsageFlags.keyCertSign);
  const caUsage = KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature;
  const constraints = new BasicConstraints({ cA: spec.ca ?? false, pathLenConstraint: spec.pathLength });
  const extensions = [
    extension(id_ce_basicConstraints, constraints, true),
    extension(id_ce_keyUsage, new KeyUsage(spec.ca ? caUsage : leafUsage), true),
    extension(id_ce_subjectKeyIdentifier, new SubjectKeyIdentifier(publicKeyHash(key))),
  ];
  if (spec.issuer) {
    const authorityKey = new AuthorityKeyIdentifier({
      keyIdentifier: new KeyIdentifier(publicKeyHash(issuerKey)),
    });
    extensions.push(extension(id_ce_authorityKeyIdentifier, authorityKey));
  }
  if (!spec.ca) extensions.push(extension(id_ce_extKeyUsage, new ExtendedKeyUsage([id_kp_serverAuth])));
  const altNames = [
    ...(spec.dnsNames ?? []).map((dNSName) => new GeneralName({ dNSName })),
    ...(spec.ipAddresses ?? []).map((iPAddress) => new GeneralName({ iPAddress })),
  ];
  if (altNames.length > 0)
    extensions.push(extension(id_ce_subjectAltName, new SubjectAlternativeName(altNames)));
  const access = [
    ...[spec.ocspUrl ?? []].flat().map((url) => [id_ad_ocsp, url] as const),
    ...[spec.aiaCaIssuers ?? []].flat().map((url) => [id_ad_caIssuers, url] as const),
  ].map(
    ([accessMethod, uniformResourceIdentifier]) =>
      new AccessDescription({ accessMethod, accessLocation: new GeneralName({ uniformResourceIdentifier }) }),
  );
  if (access.length > 0)
    extensions.push(extension(id_pe_authorityInfoAccess, new AuthorityInfoAccessSyntax(access)));
  if (spec.crlUrl) {
    const point = new DistributionPoint({
      distributionPoint: new DistributionPointName({
        fullName: [new GeneralName({ uniformResourceIdentifier: spec.crlUrl })],
      }),
    });
    extensions.push(extension(id_ce_cRLDistributionPoints, new CRLDistributionPoints([point])));
  }
  if (spec.sct) extensions.push(extension(id_sctList, new OctetString(sctList())));
  return extensions;
}

const generateKeyPairAsync = promisify(generateKeyPair);
const rsaKeys = new Map<string, Promise<KeyObject>>();

/**
 * EC keys are cheap and always fresh. RSA keys are slow, so they are cached per size and per chain
 * role: a standard root/intermediate/leaf chain never shares a key, but two leaves of one size do.
 */
function keyFor(spec: CertSpec): Promise<KeyObject> {
  const key = spec.key ?? { type: "ec", curve: "P-256" };
  if (key.type === "ec") {
    return generateKeyPairAsync("ec", { namedCurve: key.curve }).then((pair) => pair.privateKey);
  }
  const role = `${spec.ca ? "ca" : "leaf"}:${spec.issuer ? "issued" : "self-signed"}`;
  const slot = `${key.bits}:${role}`;
  let cached = rsaKeys.get(slot);
  if (!cached) {
    cached = generateKeyPairAsync("rsa", { modulusLength: key.bits }).then((pair) => pair.privateKey);
    rsaKeys.set(slot, cached);
  }
  return cached;
}

export async function issueCert(spec: CertSpec): Promise<IssuedCert> {
  const privateKey = await keyFor(spec);
  const issuerKey = spec.issuer?.privateKey ?? privateKey;
  const now = Date.now();
  const hash = spec.signatureHash ?? "sha256";
  const algorithm = signatureAlgorithm(issuerKey, hash);
  const tbsCertificate = new TBSCertificate({
    version: Version.v3,
    serialNumber: serialBytes(spec.serialNumber),
    signature: algorithm,
    // Reuse the issuer's encoded subject so name chaining is byte-exact.
    issuer: spec.issuer
      ? AsnConvert.parse(spec.issuer.der, Certificate).tbsCertificate.subject
      : parseName(spec.subject),
    validity: new Validity({
      notBefore: spec.notBefore ?? defaultNotBefore(spec, now),
      notAfter: spec.notAfter ?? new Date(now + (spec.ca ? 5 * 365 : 90) * DAY_MS),
    }),
    subject: parseName(spec.subject),
    subjectPublicKeyInfo: publicKeyInfo(privateKey),
    extensions: new Extensions(extensionsFor(spec, privateKey, issuerKey)),
  });
  const certificate = new Certificate({
    tbsCertificate,
    signatureAlgorithm: algorithm,
    signatureValue: signDer(AsnConvert.serialize(tbsCertificate), issuerKey, hash),
  });
  const der = Buffer.from(AsnConvert.serialize(certificate));
  const parsed = new X509Certificate(der);
  return {
    der,
    pem: parsed.toString(),
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    privateKey,
    spec,
    serialHex: parsed.serialNumber,
  };
}

/** Root → intermediate → leaf ("leaf.test"). The issuer of each level is always the level above. */
export async function createChain(
  opts: { leaf?: Partial<CertSpec>; intermediate?: Partial<CertSpec>; root?: Partial<CertSpec> } = {},
): Promise<{ root: IssuedCert; intermediate: IssuedCert; leaf: IssuedCert }> {
  const root = await issueCert({
    subject: "CN=Port443 Test Root CA",
    ca: true,
    ...opts.root,
    issuer: undefined,
  });
  const intermediate = await issueCert({
    subject: "CN=Port443 Test Intermediate CA",
    ca: true,
    pathLength: 0,
    ...opts.intermediate,
    issuer: root,
  });
  const leaf = await issueCert({
    subject: "CN=leaf.test",
    dnsNames: ["leaf.test"],
    ...opts.leaf,
    issuer: intermediate,
  });
  return { root, intermediate, leaf };
}

/**
 * TLS options that let Node serve (and a client verify) weak test chains. Node 20's OpenSSL 3.0 runs at
 * security level 1, where `tls.createServer` refuses a served certificate signed with SHA-1 or MD5
 * ("ca md too weak") or holding an RSA key under 1024 bits ("ee key too small", "ca key too small").
 * Level 0 lifts those checks. An RSA-512 leaf also needs `maxVersion: "TLSv1.2"`: TLS 1.3 signs only
 * with RSA-PSS, and PSS with SHA-256 does not fit in a 512-bit modulus.
 */
export const legacyTlsOptions = { ciphers: "DEFAULT@SECLEVEL=0" } as const;
