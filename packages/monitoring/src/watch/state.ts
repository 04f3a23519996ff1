import { z } from "zod";

/**
 * What a domain's watch probes compare against, kept on the domain (`watch_state`): per address,
 * how it is read (the plaintext TLS 1.2 flight or a real handshake, as the probe calibrated it)
 * and the signature of what it served; and the certificate findings of the last probe (a revoked
 * staple, an intermediate that expired), which can change while the signature does not.
 */
export const watchStateSchema = z.object({
  addresses: z.array(
    z.object({
      ip: z.string(),
      mode: z.enum(["plaintext", "handshake"]).nullable(),
      /** Null while the address fails (the error code says how). */
      signature: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
  certificateFindings: z.array(z.string()),
});

export type WatchState = z.infer<typeof watchStateSchema>;
export type WatchedEndpoint = WatchState["addresses"][number];

/** The stored state, or null when there is none yet (or it is from an older shape: a new baseline). */
export function readWatchState(json: unknown): WatchState | null {
  const parsed = watchStateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
