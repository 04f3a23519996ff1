import { describe, expect, it } from "vitest";
import { expiringCache } from "../src/expiring-cache";

describe("expiringCache", () => {
  it("shares a load in flight, keeps its value for the time it asks, then loads again", async () => {
    const cache = expiringCache<number>(10);
    let loads = 0;
    const load = (keepMs: number) => async () => ({ value: ++loads, keepMs });
    const first = cache.get("a", load(50));
    const meanwhile = cache.get("a", load(50));
    expect([first.kept, meanwhile.kept]).toEqual([false, true]);
    expect(await meanwhile.value).toBe(1);
    expect(await cache.get("a", load(50)).value).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cache.get("a", load(50)).value).toBe(2);
  });

  it("drops the least recently used past its capacity, and forgets a load that threw", async () => {
    const cache = expiringCache<string>(2);
    const keep = (value: string) => async () => ({ value, keepMs: 60_000 });
    await cache.get("a", keep("a")).value;
    await cache.get("b", keep("b")).value;
    await cache.get("a", keep("a2")).value; // a is now the most recently used
    await cache.get("c", keep("c")).value; // b leaves
    expect(cache.get("a", keep("a3")).kept).toBe(true);
    expect(cache.get("b", keep("b2")).kept).toBe(false);
    const failing = cache.get("d", async () => {
      throw new Error("down");
    });
    await expect(failing.value).rejects.toThrow("down");
    expect(cache.get("d", keep("d")).kept).toBe(false);
  });
});
