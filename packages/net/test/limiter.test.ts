import { describe, expect, it } from "vitest";
import { createLimiter } from "../src/limiter";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("createLimiter", () => {
  it("never runs more than its limit at once, and runs everything", async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const task = async (value: number) => {
      active++;
      peak = Math.max(peak, active);
      await tick();
      active--;
      return value * 2;
    };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => limit(() => task(i))));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(peak).toBe(3);
  });

  it("frees the slot of a task that fails", async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limit(async () => "next")).toBe("next");
  });
});
