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
 * Which step of a sign-in an attempt was: the password, or the second factor (a code from the
 * authenticator app, a backup code, a passkey). Each has its own count and lock: a right
 * password does not start the count of wrong codes over, and wrong passwords do not stop the
 * owner from finishing an emailed link's sign-in with their second factor.
 */
export type SignInStep = "password" | "second-factor";

/**
 * Per-account sign-in counters in Redis, shared by every web process: attempts in the window
 * per step and the lock. Keys carry a hash of the address, not the address.
 */
export class AccountLocks {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly policy: LockoutPolicy,
  ) {}

  private key(kind: "attempts" | "locked", email: string, step: SignInStep): string {
    const account = createHash("sha256").update(email.toLowerCase()).digest("hex");
    return `${this.prefix}:sign-in:${step === "password" ? "" : `${step}-`}${kind}:${account}`;
  }

  /** Seconds the step stays locked for the account; 0 when it is not. */
  async lockedFor(email: string, step: SignInStep = "password"): Promise<number> {
    const remaining = await this.redis.pttl(this.key("locked", email, step));
    return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
  }

  /**
   * Counts an attempt before its factor is checked, so attempts sent at once cannot all get
   * past the limit before any has failed; returns the count in the window, this one included.
   */
  async countAttempt(email: string, step: SignInStep = "password"): Promise<number> {
    const key = this.key("attempts", email, step);
    const replies = await this.redis.multi().incr(key).expire(key, this.policy.windowSeconds, "NX").exec();
    return Number(replies?.[0]?.[1] ?? 0);
  }

  /** An attempt that never had its factor checked (a malformed request) is not a failure. */
  async uncount(email: string, step: SignInStep = "password"): Promise<void> {
    await this.redis.decr(this.key("attempts", email, step));
  }

  /** The right password (or second factor): that step's count starts over. */
  async succeeded(email: string, step: SignInStep = "password"): Promise<void> {
    await this.redis.del(this.key("attempts", email, step));
  }

  /**
   * A wrong password or second factor, already counted: when it was the last one allowed, the
   * step is locked for the account and its count starts over. True only for the failure that
   * locked it.
   */
  async failed(email: string, step: SignInStep = "password"): Promise<boolean> {
    const attempts = Number(await this.redis.get(this.key("attempts", email, step)));
    if (attempts < this.policy.failures) return false;
    const locked = await this.redis.set(
      this.key("locked", email, step),
      "1",
      "EX",
      this.policy.lockSeconds,
      "NX",
    );
    if (locked !== "OK") return false;
    await this.redis.del(this.key("attempts", email, step));
    return true;
  }

  /** A password reset proves the owner has the mailbox: nothing stays locked or counted. */
  async clear(email: string): Promise<void> {
    const steps: SignInStep[] = ["password", "second-factor"];
    await this.redis.del(
      ...steps.flatMap((step) => [this.key("attempts", email, step), this.key("locked", email, step)]),
    );
  }
}
