import { createHash, verify, X509Certificate } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import { BasicOCSPResponse, OCSPResponse, OCSPResponseStatus } from "@peculiar/asn1-ocsp";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { Certificate } from "@peculiar/asn1-x509";
import { afterEach, describe, expect, it } from "vitest";
import { createOcspResponse, type OcspCertStatus } from "../src/tls/ocsp";
import {
  type CertSpec,
  createChain,
  type IssuedCert,
  issueCert,
  type KeySpec,
  legacyTlsOptions,
  publicKeyHash,
  type SignatureHash,
} from "../src/tls/pki";

const servers: tls.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

async function serve(options: tls.TlsOptions, staple?: Buffer): Promise<number> {
  const server = tls.createServer(options, (socket) => socket.end());
  if (staple) server.on("OCSPRequest", (_cert, _issuer, done) => done(null, staple));
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

interface Handshake {
  authorized: boolean;
  protocol: string | null;
  peerDer: Buffer;
  ocspResponse?: Buffer;
}

/** `requestOCSP` works in tls.connect() but @types/node only declares it on TLSSocket. */
type ConnectOptions = tls.ConnectionOptions & Pick<tls.TLSSocketOptions, "requestOCSP">;

function handshake(port: number, options: ConnectOptions): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    let ocspResponse: Buffer | undefined;
    const socket = tls.connect({ host: "127.0.0.1", port, servername: "leaf.test", ...options }, () => {
      const { authorized } = socket;
      resolve({
        authorized,
        protocol: socket.getProtocol(),
        peerDer: socket.getPeerCertificate().raw,
        ocspResponse,
      });
      socket.end();
    });
    socket.on("OCSPResponse", (response) => {
      ocspResponse = response;
    });
    socket.on("error", reject);
  });
}

const serverOptions = (chain: { leaf: IssuedCert; intermediate: IssuedCert }) => ({
  key: chain.leaf.keyPem,
  cert: chain.leaf.pem + chain.intermediate.pem,
});

const x509 = (cert: IssuedCert) => new X509Certificate(cert.der);
const signatureOid = (cert: IssuedCert) =>
  AsnConvert.parse(cert.der, Certificate).signatureAlgorithm.algorithm;

describe("issueCert", () => {
  it("builds a chain Node parses, links and verifies", async () => {
    const { root, intermediate, leaf } = await createChain({
      leaf: {
        dnsNames: ["leaf.test", "*.leaf.test"],
        ipAddresses: ["127.0.0.1", "::1"],
        ocspUrl: "http://ocsp.port443.test/",
        aiaCaIssuers: "http://ca.port443.test/intermediate.crt",
        serialNumber: "0badcafe",
      },
    });
    const [rootX, intermediateX, leafX] = [x509(root), x509(intermediate), x509(leaf)];

    expect(rootX.subject).toBe("CN=Port443 Test Root CA");
    expect(rootX.issuer).toBe(rootX.subject);
    expect(intermediateX.issuer).toBe(rootX.subject);
    expect(leafX.subject).toBe("CN=leaf.test");
    expect(leafX.issuer).toBe("CN=Port443 Test Intermediate CA");
    expect([rootX.ca, intermediateX.ca, leafX.ca]).toEqual([true, true, false]);
    // CAs outlive their leaves by default, as real ones do.
    expect(Date.parse(intermediateX.validTo)).toBeGreaterThan(Date.parse(leafX.validTo) + 365 * 86_400_000);
    expect(leafX.subjectAltName).toBe(
      "DNS:leaf.test, DNS:*.leaf.test, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1",
    );
    expect(leafX.infoAccess).toContain("OCSP - URI:http://ocsp.port443.test/");
    expect(leafX.infoAccess).toContain("CA Issuers - URI:http://ca.port443.test/intermediate.crt");
    expect(leafX.serialNumber).toBe("0BADCAFE");
    expect(leaf.serialHex).toBe("0BADCAFE");

    expect(rootX.checkIssued(rootX)).toBe(true);
    expect(intermediateX.checkIssued(rootX)).toBe(true);
    expect(leafX.checkIssued(intermediateX)).toBe(true);
    expect(leafX.checkIssued(rootX)).toBe(false);
    expect(rootX.verify(rootX.publicKey)).toBe(true);
    expect(intermediateX.verify(rootX.publicKey)).toBe(true);
    expect(leafX.verify(intermediateX.publicKey)).toBe(true);
    expect(leafX.verify(rootX.publicKey)).toBe(false);
    expect(leaf.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(leaf.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });

  it("defaults to a self-signed EC P-256 certificate valid from yesterday for 90 days", async () => {
    const cert = await issueCert({ subject: "CN=self.test, O=Port443, C=DE" });
    const parsed = x509(cert);
    expect(parsed.subject).toBe("CN=self.test\nO=Port443\nC=DE");
    expect(parsed.checkIssued(parsed)).toBe(true);
    expect(parsed.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: "prime256v1" });
    const days = (text: string) => (Date.parse(text) - Date.now()) / 86_400_000;
    expect(days(parsed.validFrom)).toBeCloseTo(-1, 1);
    expect(days(parsed.validTo)).toBeCloseTo(90, 1);
    expect(cert.serialHex).toMatch(/^[0-9A-F]{32}$/);

    const port = await serve({ key: cert.keyPem, cert: cert.pem });
    await expect(handshake(port, {})).rejects.toMatchObject({ code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
  });

  it("honours explicit validity, including GeneralizedTime after 2049", async () => {
    const notBefore = new Date("2020-02-29T12:00:00Z");
    const notAfter = new Date("2051-01-01T00:00:00Z");
    const parsed = x509(await issueCert({ subject: "CN=dates.test", notBefore, notAfter }));
    expect(new Date(parsed.validFrom)).toEqual(notBefore);
    expect(new Date(parsed.validTo)).toEqual(notAfter);
  });

  const keys: ReadonlyArray<[KeySpec, Record<string, unknown>]> = [
    [{ type: "ec", curve: "P-256" }, { namedCurve: "prime256v1" }],
    [{ type: "ec", curve: "P-384" }, { namedCurve: "secp384r1" }],
    [{ type: "ec", curve: "P-521" }, { namedCurve: "secp521r1" }],
    [{ type: "rsa", bits: 512 }, { modulusLength: 512 }],
    [{ type: "rsa", bits: 1024 }, { modulusLength: 1024 }],
    [{ type: "rsa", bits: 2048 }, { modulusLength: 2048 }],
  ];
  it.each(keys)("generates %j keys", async (key, details) => {
    const cert = await issueCert({ subject: "CN=key.test", key });
    expect(x509(cert).publicKey.asymmetricKeyDetails).toMatchObject(details);
  });

  const signatures: ReadonlyArray<[SignatureHash, KeySpec, string]> = [
    ["sha256", { type: "rsa", bits: 2048 }, "1.2.840.113549.1.1.11"],
    ["sha384", { type: "rsa", bits: 2048 }, "1.2.840.113549.1.1.12"],
    ["sha1", { type: "rsa", bits: 2048 }, "1.2.840.113549.1.1.5"],
    ["md5", { type: "rsa", bits: 2048 }, "1.2.840.113549.1.1.4"],
    ["md5", { type: "rsa", bits: 512 }, "1.2.840.113549.1.1.4"],
    ["sha256", { type: "ec", curve: "P-256" }, "1.2.840.10045.4.3.2"],
    ["sha384", { type: "ec", curve: "P-384" }, "1.2.840.10045.4.3.3"],
    ["sha1", { type: "ec", curve: "P-256" }, "1.2.840.10045.4.1"],
  ];
  it.each(signatures)("signs with %s under a %j issuer", async (signatureHash, key, oid) => {
    const issuer = await issueCert({ subject: "CN=Signer CA", ca: true, key });
    const leaf = await issueCert({ subject: "CN=signed.test", issuer, signatureHash });
    expect(signatureOid(leaf)).toBe(oid);
    expect(x509(leaf).verify(x509(issuer).publicKey)).toBe(true);
  });

  it("refuses MD5 with an EC issuer, which has no such algorithm", async () => {
    await expect(issueCert({ subject: "CN=md5.test", signatureHash: "md5" })).rejects.toThrow(
      /md5 with an ec key/,
    );
  });

  it("adds a well-formed SCT list when asked", async () => {
    const sctOid = "1.3.6.1.4.1.11129.2.4.2";
    const extensions = (cert: IssuedCert) =>
      AsnConvert.parse(cert.der, Certificate).tbsCertificate.extensions ?? [];
    const withSct = await issueCert({ subject: "CN=ct.test", sct: true });
    const extension = extensions(withSct).find((ext) => ext.extnID === sctOid);
    const list = Buffer.from(AsnConvert.parse(extension!.extnValue, OctetString).buffer);
    expect(list.readUInt16BE(0)).toBe(list.length - 2);
    expect(list.readUInt16BE(2)).toBe(list.length - 4);
    expect(list[4]).toBe(0); // SCT v1
    expect(extensions(await issueCert({ subject: "CN=no-ct.test" })).map((ext) => ext.extnID)).not.toContain(
      sctOid,
    );
  });

  it("caches RSA keys per size and chain role, never sharing one inside a chain", async () => {
    const rsa = { key: { type: "rsa", bits: 2048 } } satisfies Partial<CertSpec>;
    const first = await createChain({ root: rsa, intermediate: rsa, leaf: rsa });
    const second = await createChain({ root: rsa, intermediate: rsa, leaf: rsa });
    const keyOf = (cert: IssuedCert) => cert.keyPem;
    expect(new Set([first.root, first.intermediate, first.leaf].map(keyOf)).size).toBe(3);
    expect(keyOf(second.leaf)).toBe(keyOf(first.leaf));
    expect(keyOf(second.root)).toBe(keyOf(first.root));
    expect(second.leaf.serialHex).not.toBe(first.leaf.serialHex);
  });
});

describe("serving generated chains with node:tls", () => {
  it.each<[string, Partial<CertSpec>]>([
    ["EC P-256", {}],
    ["RSA-2048", { key: { type: "rsa", bits: 2048 } }],
    ["RSA-1024 (allowed at Node's default security level 1)", { key: { type: "rsa", bits: 1024 } }],
  ])("serves a trusted %s chain", async (_label, leaf) => {
    const chain = await createChain({ leaf });
    const port = await serve(serverOptions(chain));
    const result = await handshake(port, { ca: chain.root.pem });
    expect(result.authorized).toBe(true);
    expect(result.protocol).toBe("TLSv1.3");
    expect(result.peerDer.equals(chain.leaf.der)).toBe(true);
  });

  const rsa2048 = { key: { type: "rsa", bits: 2048 } } as const;
  const weakChains: ReadonlyArray<
    [label: string, chain: Parameters<typeof createChain>[0], refusal: RegExp, extra: tls.TlsOptions]
  > = [
    ["SHA-1-signed leaf", { leaf: { signatureHash: "sha1" } }, /ca md too weak/, {}],
    ["MD5-signed leaf", { intermediate: rsa2048, leaf: { signatureHash: "md5" } }, /ca md too weak/, {}],
    ["SHA-1-signed intermediate", { intermediate: { signatureHash: "sha1" } }, /ca md too weak/, {}],
    [
      "MD5-signed intermediate",
      { root: rsa2048, intermediate: { signatureHash: "md5" } },
      /ca md too weak/,
      {},
    ],
    ["RSA-512 intermediate", { intermediate: { key: { type: "rsa", bits: 512 } } }, /ca key too small/, {}],
    [
      "RSA-512 leaf",
      { leaf: { key: { type: "rsa", bits: 512 } } },
      /ee key too small/,
      { maxVersion: "TLSv1.2" },
    ],
  ];

  it.each(weakChains)("serves a %s only at security level 0", async (_label, spec, refusal, extra) => {
    const chain = await createChain(spec);
    expect(() => tls.createServer(serverOptions(chain))).toThrow(refusal);

    const port = await serve({ ...serverOptions(chain), ...legacyTlsOptions, ...extra });
    const lenient = await handshake(port, { ca: chain.root.pem, ...legacyTlsOptions });
    expect(lenient.authorized).toBe(true);
    expect(lenient.peerDer.equals(chain.leaf.der)).toBe(true);
    // A client at the default level still completes the handshake but does not trust the chain.
    const strict = await handshake(port, { ca: chain.root.pem, rejectUnauthorized: false });
    expect(strict.authorized).toBe(false);
  });

  it("cannot serve an RSA-512 leaf over TLS 1.3, which requires RSA-PSS", async () => {
    const chain = await createChain({ leaf: { key: { type: "rsa", bits: 512 } } });
    const port = await serve({ ...serverOptions(chain), ...legacyTlsOptions });
    await expect(handshake(port, { ca: chain.root.pem, ...legacyTlsOptions })).rejects.toThrow(
      /handshake failure/,
    );
  });
});

describe("createOcspResponse", () => {
  const statuses: OcspCertStatus[] = ["good", "revoked", "unknown"];
  const parse = (der: Buffer) => {
    const response = AsnConvert.parse(der, OCSPResponse);
    const basic = AsnConvert.parse(response.responseBytes!.response, BasicOCSPResponse);
    return { response, basic, single: basic.tbsResponseData.responses[0]! };
  };

  it.each<[OcspCertStatus, KeySpec]>([
    ["good", { type: "ec", curve: "P-256" }],
    ["revoked", { type: "ec", curve: "P-384" }],
    ["unknown", { type: "rsa", bits: 2048 }],
  ])("is stapled by a Node server and reads back as %s (%j issuer)", async (status, key) => {
    const chain = await createChain({ intermediate: { key } });
    const revokedAt = new Date("2024-05-01T10:20:30Z");
    const staple = createOcspResponse({ cert: chain.leaf, issuer: chain.intermediate, status, revokedAt });
    const port = await serve(serverOptions(chain), staple);
    const { ocspResponse, authorized } = await handshake(port, { ca: chain.root.pem, requestOCSP: true });
    expect(authorized).toBe(true);
    expect(ocspResponse?.equals(staple)).toBe(true);

    const { response, basic, single } = parse(ocspResponse!);
    expect(response.responseStatus).toBe(OCSPResponseStatus.successful);
    expect(statuses.filter((key) => single.certStatus[key] !== undefined)).toEqual([status]);
    if (status === "revoked") expect(single.certStatus.revoked?.revocationTime).toEqual(revokedAt);
    expect(Buffer.from(single.certID.serialNumber).toString("hex").toUpperCase()).toBe(chain.leaf.serialHex);

    const signed = Buffer.from(basic.tbsResponseDataRaw!);
    const issuerKey = x509(chain.intermediate).publicKey;
    expect(verify("sha256", signed, issuerKey, Buffer.from(basic.signature))).toBe(true);
    expect(verify("sha256", signed, x509(chain.root).publicKey, Buffer.from(basic.signature))).toBe(false);
  });

  it("identifies the certificate per RFC 6960 and honours the update window", async () => {
    const chain = await createChain();
    const thisUpdate = new Date("2030-01-01T00:00:00Z");
    const nextUpdate = new Date("2030-01-08T00:00:00Z");
    const der = createOcspResponse({
      cert: chain.leaf,
      issuer: chain.intermediate,
      status: "good",
      thisUpdate,
      nextUpdate,
    });
    const { basic, single } = parse(der);
    const issuerName = AsnConvert.serialize(
      AsnConvert.parse(chain.intermediate.der, Certificate).tbsCertificate.subject,
    );
    const sha1 = (data: ArrayBuffer | Buffer) =>
      createHash("sha1")
        .update(Buffer.from(data as ArrayBuffer))
        .digest();

    expect(single.certID.hashAlgorithm.algorithm).toBe("1.3.14.3.2.26");
    expect(Buffer.from(single.certID.issuerNameHash.buffer)).toEqual(sha1(issuerName));
    expect(Buffer.from(single.certID.issuerKeyHash.buffer)).toEqual(
      publicKeyHash(chain.intermediate.privateKey),
    );
    expect(Buffer.from(basic.tbsResponseData.responderID.byKey!.buffer)).toEqual(
      publicKeyHash(chain.intermediate.privateKey),
    );
    expect(single.certStatus.good).toBeNull();
    expect(single.thisUpdate).toEqual(thisUpdate);
    expect(single.nextUpdate).toEqual(nextUpdate);
  });
});
