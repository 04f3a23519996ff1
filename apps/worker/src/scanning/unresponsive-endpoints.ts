import type { Redis } from "ioredis";

export interface UnresponsiveEndpointsOptions {
  /** How long a timed-out endpoint is remembered; after that it gets a full scan again. */
  ttlMs: number;
  /** Key prefix (the queues'), so deployments and tests sharing one Redis keep apart. */
  prefix: string;
}

/**
 * Endpoints (address and port) whose last scan timed out, remembered in Redis by every worker on
 * it, so that thousands of names behind one black-holed address cost a full scan timeout once,
 * not once per domain and scan. The port is part of the key: one silent port says nothing about
 * the other services of a shared address. Redis errors read as "not remembered" — this only
 * saves time, it never decides an outcome.
 */
export class UnresponsiveEndpoints {
  constructor(
    private readonly redis: Redis,
    private readonly options: UnresponsiveEndpointsOptions,
  ) {}

  private key(address: string, port: number) {
    return `${this.options.prefix}:unresponsive:${address}:${port}`;
  }

  async has(address: string, port: number): Promise<boolean> {
    return (await this.redis.exists(this.key(address, port)).catch(() => 0)) === 1;
  }

  async remember(address: string, port: number): Promise<void> {
    await this.redis.set(this.key(address, port), "1", "PX", this.options.ttlMs).catch(() => undefined);
  }

  async forget(address: string, port: number): Promise<void> {
    await this.redis.del(this.key(address, port)).catch(() => undefined);
  }
}
