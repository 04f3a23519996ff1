import type { PrismaClient } from "@port443/db";
import type { Queues } from "@port443/jobs";
import type { OutboundPolicies } from "@port443/net";
import type { CrlSource, TrustStore } from "@port443/scanner";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { AddressLeases } from "./address-leases";

/** What deep scans and watch probes both work with: one of each per worker process. */
export interface ProbeDeps {
  prisma: PrismaClient;
  queues: Queues;
  logger: Logger;
  metrics: Metrics;
  /** Monitored domains' scans may reach the scan allow-list; their fetches may not. */
  policies: Pick<OutboundPolicies, "monitoredScans" | "strict">;
  trustStoreFor(teamCaPem: string | null): TrustStore;
  /** CRLs kept per process and, through Redis, for the fleet (probes only read what is held). */
  crls: CrlSource;
  /** Connections towards one address, shared by both kinds across the fleet. */
  addressLeases: AddressLeases;
  /** Name to addresses; the system resolver (hosts file, DNS) unless a test maps names itself. */
  resolve?: (host: string) => Promise<string[]>;
  /** The deployment's shortest watch interval (PORT443_MIN_WATCH_INTERVAL_SECONDS). */
  minWatchIntervalSeconds: number;
  retryDelayMs?: number;
}
