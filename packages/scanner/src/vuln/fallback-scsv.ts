import { buildClientHello } from "../wire/client-hello";
import { TLS_FALLBACK_SCSV } from "../wire/extension-types";
import { probe } from "../wire/probe";
import { describeAnswer } from "./describe";
import { protocolLabel, suitesFor, supportedTls } from "./offer";
import type { VulnCheck } from "./types";

const INAPPROPRIATE_FALLBACK = 86;

/**
 * RFC 7507: a hello below the server's best version that carries TLS_FALLBACK_SCSV says "this is
 * a retry after a failed attempt"; a server that still completes it lets an attacker who breaks
 * the first attempt force a weaker version.
 */
export const fallbackScsv: VulnCheck = {
  id: "protocol.no_fallback_scsv",
  applies: (context) => supportedTls(context).length >= 2,
  async run(target, context) {
    const [best, lower] = supportedTls(context);
    if (!best || !lower) return { status: "not_applicable", detail: "Only one TLS version is accepted." };
    const result = await probe({
      ...target,
      hello: buildClientHello({
        version: lower,
        cipherSuites: [...suitesFor(context, lower), TLS_FALLBACK_SCSV],
        servername: target.servername,
      }),
    });
    const sent = `a ${protocolLabel(lower)} hello with TLS_FALLBACK_SCSV (the server accepts ${protocolLabel(best)})`;
    if (result.type === "alert" && result.code === INAPPROPRIATE_FALLBACK)
      return { status: "ok", detail: `Sent ${sent}: it answered inappropriate_fallback.` };
    if (result.type === "server_hello")
      return { status: "vulnerable", detail: `Sent ${sent}: it completed the downgraded handshake.` };
    // Any other refusal tells nothing about the SCSV: the same hello without it was accepted.
    return { status: "incomplete", reason: `sent ${sent}; the answer was ${describeAnswer(result)}` };
  },
};
