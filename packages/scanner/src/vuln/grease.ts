import { buildClientHello, type ClientHelloOptions, type TlsProtocolId } from "../wire/client-hello";
import { groupsFor } from "../wire/groups";
import { probe } from "../wire/probe";
import type { ProbeResult } from "../wire/probe-result";
import { offeredSignatureSchemes } from "../wire/signature-schemes";
import { describeAnswer } from "./describe";
import { protocolLabel, suitesFor } from "./offer";
import type { VulnCheck, VulnTarget } from "./types";

/** RFC 8701 reserves 0x?a?a values so that servers meet unknown ones every day. */
const GREASE_SUITE = 0x0a0a;
const GREASE_GROUP = 0x3a3a;
const GREASE_SIGNATURE = 0x4a4a;
const greaseExtensions = [
  [0x1a1a, Buffer.alloc(0)],
  [0x2a2a, Buffer.of(0)],
] as const;
const isGrease = (value: number) => (value & 0x0f0f) === 0x0a0a && value >> 8 === (value & 0xff);

const hello = (target: VulnTarget, version: TlsProtocolId, options: Partial<ClientHelloOptions>) =>
  probe({
    ...target,
    hello: buildClientHello({ version, servername: target.servername, cipherSuites: [], ...options }),
  });

const completed = (result: ProbeResult) => result.type === "server_hello";

/**
 * Browsers put GREASE values among the suites, groups, signature algorithms and extensions of
 * every hello; a server that chokes on them breaks as soon as clients use a new real value.
 * Refusal counts only when the same hello without GREASE goes through right after.
 */
export const grease: VulnCheck = {
  id: "protocol.grease_intolerant",
  applies: (context) => context.protocols.tls1_3 || context.protocols.tls1_2,
  async run(target, context) {
    const version: TlsProtocolId = context.protocols.tls1_3 ? "tls1_3" : "tls1_2";
    const suites = suitesFor(context, version);
    const sent = `a ${protocolLabel(version)} hello with GREASE values`;
    const greased = await hello(target, version, {
      cipherSuites: [GREASE_SUITE, ...suites],
      groups: [GREASE_GROUP, ...groupsFor(version)],
      signatureAlgorithms: [GREASE_SIGNATURE, ...offeredSignatureSchemes],
      extraExtensions: greaseExtensions,
    });
    if (greased.type === "server_hello") {
      return isGrease(greased.cipherSuite) || (greased.group !== undefined && isGrease(greased.group))
        ? { status: "vulnerable", detail: `Sent ${sent}: the server chose a GREASE value.` }
        : { status: "ok", detail: `Sent ${sent}: the server ignored them and completed the hello.` };
    }
    const plain = await hello(target, version, { cipherSuites: suites });
    return completed(plain)
      ? {
          status: "vulnerable",
          detail: `Sent ${sent}: the answer was ${describeAnswer(greased)}, while the same hello without GREASE succeeded.`,
        }
      : {
          status: "incomplete",
          reason: `sent ${sent}; the answer was ${describeAnswer(greased)}, and the hello without GREASE failed too (${describeAnswer(plain)})`,
        };
  },
};
