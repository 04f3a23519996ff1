import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export interface LockoutPolicy {
  /** Failed password sign-ins on one account, from any number of addresses, that lock it. */
  failures: number;
  /** The window they are counted in, from the first. */
  windowSeconds: number;
  /** How long its password sign-in then stays locked. */
  lockSeconds: number;
}

/**
 * Per-account sign-in counters in Redis, shared by every web process: attempts in the window
 * and the lock. Keys carry a hash of the address, not the address.
 */
export class AccountLocks {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly policy: LockoutPolicy,
  ) {}

  private key(kind: "attempts" | "locked", email: string): string {
    const account = createHash("sha256").update(email.toLowerCase()).digest("hex");
    return `${this.prefix}:sign-in:${kind}:${account}`;
  }

  /** Seconds the account's password sign-in stays locked; 0 when it is not. */
  async lockedFor(email: string): Promise<number> {
    const remaining = await this.redis.pttl(this.key("locked", email));
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  /**
   * Counts an attempt before its password is checked, so attempts sent at once cannot all get
   * past the limit before any has failed; returns the count in the window, this one included.
   */
  async countAttempt(email: string): Promise<number> {
    const key = this.key("attempts", email);
    const replies = await this.redis.multi().incr(key).expire(key, this.policy.windowSeconds, "NX").exec();
    return Number(replies?.[0]?.[1] ?? 0);
  }

  /** An attempt that never had its password checked (a malformed request) is not a failure. */
  async uncount(email: string): Promise<void> {
    await this.redis.decr(this.key("attempts", email));
  }

  /** The right password: the count starts over. */
  async succeeded(email: string): Promise<void> {
    await this.redis.del(this.key("attempts", email));
  }

  /**
   * A wrong password, already counted: when it was the last one allowed, the account is locked
   * and its count starts over. True only for the failure that locked it.
   */
  async failed(email: string): Promise<boolean> {
    const attempts = Number(await this.redis.get(this.key("attempts", email)));
    if (attempts < this.policy.failures) return false;
    const locked = await this.redis.set(this.key("locked", email), "1", "EX", this.policy.lockSeconds, "NX");
    if (locked !== "OK") return false;
    await this.redis.del(this.key("attempts", email));
    return true;
  }

  /** A password reset proves the owner has the mailbox: nothing stays locked or counted. */
  async clear(email: string): Promise<void> {
    await this.redis.del(this.key("attempts", email), this.key("locked", email));
  }
}
