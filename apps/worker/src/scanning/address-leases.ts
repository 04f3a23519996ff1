import { randomUUID } from "node:crypto";
import { KeyedLimiter } from "@port443/net";
import type { Redis } from "ioredis";

/**
 * Takes a lease when fewer than ARGV[1] unexpired ones are held: expired leases (scores are
 * expiry times on Redis's own clock, so worker clocks never matter) are dropped first, and the
 * key itself expires with its newest lease.
 */
const ACQUIRE = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ms + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

type LeaseRedis = Redis & {
  acquireAddressLease(key: string, limit: number, leaseMs: number, token: string): Promise<number>;
};

export interface AddressLeasesOptions {
  /** Scans at once towards one address, across every process sharing this Redis and prefix. */
  limit: number;
  /** Longer than any scan: a lease a killed worker never returned frees itself after this long. */
  leaseMs: number;
  /** Key prefix (the queues'), so deployments and tests sharing one Redis keep apart. */
  prefix: string;
}

/** Pauses between attempts on a full address: short at first, at most a second, jittered. */
const FIRST_PAUSE_MS = 25;
const LONGEST_PAUSE_MS = 1_000;

/**
 * Politeness towards one destination address across worker processes: each scan holds a lease
 * in a Redis sorted set per address (two commands per scan). Within a process, scans queue for
 * an address locally first, so only as many as could get a lease ask Redis for one.
 */
export class AddressLeases {
  private readonly local: KeyedLimiter;
  private readonly redis: LeaseRedis;

  constructor(
    redis: Redis,
    private readonly options: AddressLeasesOptions,
  ) {
    this.local = new KeyedLimiter(options.limit);
    redis.defineCommand("acquireAddressLease", { numberOfKeys: 1, lua: ACQUIRE });
    this.redis = redis as LeaseRedis;
  }

  run<T>(address: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(address, async () => {
      const release = await this.acquire(address);
      try {
        return await work();
      } finally {
        await release();
      }
    });
  }

  /** Waits for a lease on `address`; the returned function gives it back. */
  async acquire(address: string): Promise<() => Promise<void>> {
    const key = `${this.options.prefix}:address-leases:${address}`;
    const token = randomUUID();
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      if (await this.redis.acquireAddressLease(key, this.options.limit, this.options.leaseMs, token)) break;
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
    }
    // Redis unreachable at release: the lease expires on its own.
    return () =>
      this.redis.zrem(key, token).then(
        () => undefined,
        () => undefined,
      );
  }
}
