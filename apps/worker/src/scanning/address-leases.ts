import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Takes a lease of ARGV[4] units (one member each) when the unexpired members of KEYS[1] leave
 * room for them under ARGV[1], and, for a watch probe (ARGV[5] > 0), the probes' own members in
 * KEYS[2] stay within ARGV[5]: expired ones (scores are expiry times on Redis's own clock, so worker
 * clocks never matter) are dropped first, and each key expires with its longest lease (a watch
 * probe's short lease never cuts a deep scan's).
 */
const ACQUIRE = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local weight = tonumber(ARGV[4])
local probeCap = tonumber(ARGV[5])
local expires = ms + tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms)
if redis.call('ZCARD', KEYS[1]) + weight > tonumber(ARGV[1]) then return 0 end
local keys = { KEYS[1] }
if probeCap > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ms)
  if redis.call('ZCARD', KEYS[2]) + weight > probeCap then return 0 end
  keys[2] = KEYS[2]
end
for _, key in ipairs(keys) do
  for unit = 1, weight do redis.call('ZADD', key, expires, ARGV[3] .. '#' .. unit) end
  if redis.call('PTTL', key) < tonumber(ARGV[2]) then redis.call('PEXPIRE', key, ARGV[2]) end
end
return 1`;

type LeaseRedis = Redis & {
  acquireAddressLease(
    all: string,
    probes: string,
    limit: number,
    leaseMs: number,
    token: string,
    weight: number,
    probeCap: number,
  ): Promise<number>;
};

export interface AddressLeasesOptions {
  /**
   * Connections at once towards one address, across every process sharing this Redis and
   * prefix: a deep scan takes as many as it opens in parallel, a watch probe one.
   */
  limit: number;
  /** Longer than any scan: a lease a killed worker never returned frees itself after this long. */
  leaseMs: number;
  /** Key prefix (the queues'), so deployments and tests sharing one Redis keep apart. */
  prefix: string;
}

/**
 * Politeness towards one destination address across worker processes: each scan holds a lease
 * in a Redis sorted set per address (two commands per scan). Taking one never waits: a scan that
 * finds its address busy gives its worker slot back and comes back later (the scan processor
 * delays its job), so a worker never sits idle on one address while other work is queued.
 */
export class AddressLeases {
  private readonly redis: LeaseRedis;

  constructor(
    redis: Redis,
    private readonly options: AddressLeasesOptions,
  ) {
    redis.defineCommand("acquireAddressLease", { numberOfKeys: 2, lua: ACQUIRE });
    this.redis = redis as LeaseRedis;
  }

  /**
   * A lease of `weight` connections on `address` if they are free (the returned function gives it
   * back), else null. Deep scans and watch probes share the leases; a watch probe's is one
   * connection, for a shorter time (`leaseMs`), and probes together hold at most `probeCap` of the
   * address's connections, so a deep scan always finds room to start.
   */
  async tryAcquire(
    address: string,
    {
      weight = 1,
      leaseMs = this.options.leaseMs,
      probeCap = 0,
    }: { weight?: number; leaseMs?: number; probeCap?: number } = {},
  ): Promise<(() => Promise<void>) | null> {
    const all = `${this.options.prefix}:address-leases:${address}`;
    const probes = `${all}:probes`;
    const token = randomUUID();
    const taken = await this.redis.acquireAddressLease(
      all,
      probes,
      this.options.limit,
      leaseMs,
      token,
      weight,
      probeCap,
    );
    if (!taken) return null;
    const members = Array.from({ length: weight }, (_, unit) => `${token}#${unit + 1}`);
    // Redis unreachable at release: the lease expires on its own.
    const release = (key: string) =>
      this.redis.zrem(key, ...members).then(
        () => undefined,
        () => undefined,
      );
    return async () => {
      await release(all);
      if (probeCap > 0) await release(probes);
    };
  }
}
