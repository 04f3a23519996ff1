import type { Prisma } from "@port443/db";
import type { CertificateInfo } from "@port443/scanner";

/** Stores each certificate once (by fingerprint) and returns their ids in the given order. */
export async function upsertCertificates(
  tx: Prisma.TransactionClient,
  chain: CertificateInfo[],
): Promise<string[]> {
  if (!chain.length) return [];
  await tx.certificate.createMany({
    data: chain.map((cert) => ({
      fingerprintSha256: cert.fingerprintSha256,
      subject: cert.subject,
      issuer: cert.issuer,
      sans: cert.sans,
      notBefore: new Date(cert.notBefore),
      notAfter: new Date(cert.notAfter),
      keyType: cert.keyType,
      keyBits: cert.keyBits,
      signatureAlgorithm: cert.signatureAlgorithm,
      serialNumber: cert.serialNumber,
      pem: cert.pem,
    })),
    skipDuplicates: true,
  });
  const stored = await tx.certificate.findMany({
    where: { fingerprintSha256: { in: chain.map((cert) => cert.fingerprintSha256) } },
    select: { id: true, fingerprintSha256: true },
  });
  const ids = new Map(stored.map((cert) => [cert.fingerprintSha256, cert.id]));
  return chain.map((cert) => ids.get(cert.fingerprintSha256)!);
}
