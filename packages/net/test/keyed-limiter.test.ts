import { describe, expect, it } from "vitest";
import { KeyedLimiter } from "../src/keyed-limiter";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("KeyedLimiter", () => {
  it("runs at most its limit per key at once, keys independently, in arrival order", async () => {
    const limiter = new KeyedLimiter(2);
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    const started: string[] = [];
    const task = (key: string, id: string) =>
      limiter.run(key, async () => {
        started.push(id);
        active.set(key, (active.get(key) ?? 0) + 1);
        peak.set(key, Math.max(peak.get(key) ?? 0, active.get(key) ?? 0));
        await tick();
        active.set(key, (active.get(key) ?? 0) - 1);
        return id;
      });
    const ids = ["a1", "a2", "a3", "a4", "a5"];
    const results = await Promise.all([...ids.map((id) => task("a", id)), task("b", "b1"), task("b", "b2")]);
    expect(results).toEqual([...ids, "b1", "b2"]);
    expect(peak).toEqual(
      new Map([
        ["a", 2],
        ["b", 2],
      ]),
    );
    // b's work starts while a's third waits: keys never share slots.
    expect(started).toEqual(["a1", "a2", "b1", "b2", "a3", "a4", "a5"]);
  });

  it("frees the slot of work that fails", async () => {
    const limiter = new KeyedLimiter(1);
    await expect(limiter.run("a", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limiter.run("a", async () => "next")).toBe("next");
  });
});
