import { createInterface } from "node:readline";
import { createChain, type Served, startTlsServer, type TlsServerSpec } from "@port443/testing";

/**
 * Runs in its own process so the endpoints do not share the scanner's event loop: N local TLS
 * endpoints with varied configurations (ECDSA P-256, so their own signing cost stays small).
 * Prints their ports as one JSON line, then serves until killed; each line read from stdin is
 * answered with the connections each endpoint has accepted so far, as one JSON line.
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
const servers: Served[] = [];
for (let index = 0; index < count; index++) {
  const useRsa = index % 8 === 1; // every other "TLS 1.2 only" endpoint serves RSA-2048
  const chain = useRsa ? [rsa.leaf, rsa.intermediate] : [leaf, intermediate];
  servers.push(await startTlsServer({ ...variants[index % variants.length], chain }));
}
process.stdout.write(`${JSON.stringify(servers.map((server) => server.port))}\n`);
createInterface({ input: process.stdin }).on("line", () =>
  process.stdout.write(`${JSON.stringify(servers.map((server) => server.connections))}\n`),
);
