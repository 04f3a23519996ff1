import { describe, expect, it } from "vitest";
import { uuidv7 } from "../src";

describe("uuidv7", () => {
  it("is an RFC 9562 version-7 UUID that starts with its millisecond timestamp", () => {
    const id = uuidv7(0x0190_1234_5678);
    expect(id).toMatch(/^01901234-5678-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidv7()).not.toBe(uuidv7());
  });

  it("sorts by time, as uuid(7) ids do", () => {
    const earlier = uuidv7(Date.now() - 1_000);
    expect([uuidv7(), earlier].sort()[0]).toBe(earlier);
  });
});
