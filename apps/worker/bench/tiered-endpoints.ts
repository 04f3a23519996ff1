import https from "node:https";
import { createInterface } from "node:readline";
import { createChain, type IssuedCert, issueCert } from "@port443/testing";

/**
 * N HTTPS endpoints (ECDSA P-256) on loopback addresses 127.0.0.1, .2, … for the tiered
 * benchmark, which changes some of them while it runs, as a deploy would: a line
 * `{"certificate": i}` on stdin makes endpoint i serve a new certificate (same CA), and
 * `{"configuration": i}` makes it speak TLS 1.2 only with CBC suites. Each is answered with a
 * line once in effect.
 */
const count = Number(process.argv[2] ?? 100);
const addresses = Array.from({ length: count }, (_, index) => `127.0.0.${index + 1}`);
const leafSpec = { subject: "CN=bench", dnsNames: [], ipAddresses: addresses };
const { root, intermediate, leaf } = await createChain({ leaf: leafSpec });
const hsts = "max-age=31536000";

const contextOf = (served: IssuedCert, weak = false) => ({
  key: served.keyPem,
  cert: served.pem + intermediate.pem,
  ...(weak
    ? { maxVersion: "TLSv1.2" as const, ciphers: "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA" }
    : {}),
});

const servers: https.Server[] = [];
const endpoints: { host: string; port: number }[] = [];
for (const host of addresses) {
  const server = https.createServer({ ...contextOf(leaf), minVersion: "TLSv1.2" }, (_request, response) => {
    response.setHeader("strict-transport-security", hsts);
    response.end("ok");
  });
  server.on("tlsClientError", () => {});
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  servers.push(server);
  endpoints.push({ host, port: (server.address() as { port: number }).port });
}
process.stdout.write(`${JSON.stringify({ endpoints, rootPem: root.pem })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const change = JSON.parse(line) as { certificate?: number; configuration?: number };
  if (change.certificate !== undefined) {
    const renewed = await issueCert({ ...leafSpec, issuer: intermediate });
    servers[change.certificate]!.setSecureContext(contextOf(renewed));
  }
  if (change.configuration !== undefined)
    servers[change.configuration]!.setSecureContext(contextOf(leaf, true));
  process.stdout.write(`${line}\n`);
}
