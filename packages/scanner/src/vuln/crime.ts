import { buildClientHello } from "../wire/client-hello";
import { probe } from "../wire/probe";
import { describeAnswer } from "./describe";
import { newestLegacy, protocolLabel, suitesFor } from "./offer";
import type { VulnCheck } from "./types";

const DEFLATE = 1;

/** CRIME needs TLS-level compression, which only exists up to TLS 1.2: offer DEFLATE and see. */
export const crime: VulnCheck = {
  id: "vuln.crime",
  applies: (context) => newestLegacy(context) !== undefined,
  async run(target, context) {
    const version = newestLegacy(context)!;
    const result = await probe({
      ...target,
      hello: buildClientHello({
        version,
        cipherSuites: suitesFor(context, version),
        servername: target.servername,
        compressionMethods: [DEFLATE, 0],
      }),
    });
    const sent = `a ${protocolLabel(version)} hello offering DEFLATE compression`;
    if (result.type !== "server_hello")
      return { status: "incomplete", reason: `sent ${sent}; the answer was ${describeAnswer(result)}` };
    return result.compression === DEFLATE
      ? { status: "vulnerable", detail: `Sent ${sent}: the server chose DEFLATE.` }
      : { status: "ok", detail: `Sent ${sent}: the server chose no compression.` };
  },
};
