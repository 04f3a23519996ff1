import { createChain, startTlsServer, type TlsServerSpec } from "@port443/testing";

/**
 * Runs in its own process so the endpoints do not share the scanner's event loop: N local TLS
 * endpoints with varied configurations (ECDSA P-256, so their own signing cost stays small).
 * Prints their ports as one JSON line, then serves until killed.
 */
const count = Number(process.argv[2] ?? 8);
const { intermediate, leaf } = await createChain();
const rsa = await createChain({ leaf: { key: { type: "rsa", bits: 2048 } } });
const variants: Omit<TlsServerSpec, "chain">[] = [
  { hsts: "max-age=31536000" },
  { maxVersion: "TLSv1.2" },
  { minVersion: "TLSv1", hsts: "max-age=300" },
  { maxVersion: "TLSv1.2", ciphers: "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA" },
];
const ports: number[] = [];
for (let index = 0; index < count; index++) {
  const useRsa = index % 8 === 1; // every other "TLS 1.2 only" endpoint serves RSA-2048
  const chain = useRsa ? [rsa.leaf, rsa.intermediate] : [leaf, intermediate];
  ports.push((await startTlsServer({ ...variants[index % variants.length], chain })).port);
}
process.stdout.write(`${JSON.stringify(ports)}\n`);
