import { z } from "zod";
import { positiveInt } from "./fields";

/**
 * Who may say which address a request came from: the number of proxies in front of the web
 * process (`{ hops: 0 }`: none, the socket's peer is the client), or the addresses and ranges of
 * the proxies (`{ cidrs }`: the right-most X-Forwarded-For entry outside them is the client).
 */
export type TrustedProxies = { hops: number } | { cidrs: string[] };

const proxyEntry = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

/** A hop count ("1") or comma-separated addresses and CIDRs ("10.0.0.0/8, fd00::/8"); unset: none. */
export const trustedProxies = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z
    .string()
    .default("0")
    .transform((value, context): TrustedProxies => {
      if (/^\s*\d+\s*$/.test(value)) return { hops: Number(value) };
      const cidrs = value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      for (const entry of cidrs)
        if (!proxyEntry.safeParse(entry).success)
          context.addIssue({
            code: "custom",
            message: `"${entry}" is neither a hop count nor an IP address or CIDR`,
          });
      return { cidrs };
    }),
);

/** Where sign-in takes its client address from, and when an account's password sign-in locks. */
export const signInFields = {
  /** Proxies whose X-Forwarded-For is believed; unset: none, the socket address counts. */
  PORT443_TRUSTED_PROXIES: trustedProxies,
  /** Failed password sign-ins on one account (from any address) that lock its password sign-in. */
  PORT443_LOCKOUT_FAILURES: positiveInt(10),
  /** The window those failures are counted in. */
  PORT443_LOCKOUT_WINDOW_MINUTES: positiveInt(15),
  /** How long password sign-in stays locked (the owner is emailed a reset link). */
  PORT443_LOCKOUT_MINUTES: positiveInt(15),
};
