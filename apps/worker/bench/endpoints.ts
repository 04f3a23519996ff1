import { createChain, startTlsServer } from "@port443/testing";

/**
 * N TLS endpoints (ECDSA P-256, so their signing stays cheap) in a process of their own, each on
 * its own loopback address (127.0.0.1, .2, …) as distinct hosts would be: the worker's
 * per-address politeness limit then applies per endpoint.
 */
const count = Number(process.argv[2] ?? 50);
const addresses = Array.from({ length: count }, (_, index) => `127.0.0.${index + 1}`);
const { root, intermediate, leaf } = await createChain({
  leaf: { subject: "CN=bench", dnsNames: [], ipAddresses: addresses },
});
const endpoints: { host: string; port: number }[] = [];
for (const host of addresses) {
  const served = await startTlsServer({ chain: [leaf, intermediate], hsts: "max-age=31536000", host });
  endpoints.push({ host, port: served.port });
}
process.stdout.write(`${JSON.stringify({ endpoints, rootPem: root.pem })}\n`);
