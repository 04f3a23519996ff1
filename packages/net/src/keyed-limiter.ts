/**
 * At most `limit` concurrent holders per key (politeness towards one destination address).
 * Waiters are served in arrival order.
 */
export class KeyedLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if ((this.active.get(key) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) =>
        this.waiting.set(key, [...(this.waiting.get(key) ?? []), resolve]),
      );
    } else {
      this.active.set(key, (this.active.get(key) ?? 0) + 1);
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.get(key)?.shift();
      if (next)
        next(); // the slot passes straight to the next waiter
      else {
        const count = (this.active.get(key) ?? 1) - 1;
        if (count) this.active.set(key, count);
        else this.active.delete(key);
        this.waiting.delete(key);
      }
    }
  }
}
