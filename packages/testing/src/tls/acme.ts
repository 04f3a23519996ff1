import http from "node:http";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate } from "@peculiar/asn1-x509";
import { type IssuedCert, publicKeyHash } from "./pki";
import type { Served } from "./servers";

/** RFC 9773's certificate identifier of a test certificate: base64url(AKI).base64url(serial). */
export function renewalInfoIdOf(cert: IssuedCert): string {
  if (!cert.spec.issuer) throw new Error("a self-signed certificate has no ARI identifier");
  const serial = Buffer.from(AsnConvert.parse(cert.der, Certificate).tbsCertificate.serialNumber);
  return `${publicKeyHash(cert.spec.issuer.privateKey).toString("base64url")}.${serial.toString("base64url")}`;
}

export interface RenewalWindow {
  start: Date;
  end: Date;
  explanationURL?: string;
}

/**
 * A local ACME server with only what ARI needs: the directory (`/directory`, naming
 * `/renewal-info`) and renewal information per certificate identifier; unknown ones get 404, as
 * Boulder answers for certificates it did not issue. `windows` may change between requests.
 */
export async function startAcmeServer(
  windows: Map<string, RenewalWindow>,
  options: { retryAfter?: string } = {},
): Promise<Served & { directoryUrl: string; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? "";
    requests.push(path);
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    if (path === "/directory") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ newNonce: `${base}/nonce`, renewalInfo: `${base}/renewal-info` }));
      return;
    }
    const window = path.startsWith("/renewal-info/")
      ? windows.get(path.slice("/renewal-info/".length))
      : undefined;
    if (!window) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": "application/json",
      "retry-after": options.retryAfter ?? "21600",
    });
    response.end(
      JSON.stringify({
        suggestedWindow: { start: window.start.toISOString(), end: window.end.toISOString() },
        ...(window.explanationURL ? { explanationURL: window.explanationURL } : {}),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  let connections = 0;
  server.on("connection", () => connections++);
  return {
    port,
    get connections() {
      return connections;
    },
    peakConnections: 0,
    directoryUrl: `http://127.0.0.1:${port}/directory`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
