import { describe, expect, it } from "vitest";
import { type GroupMember, type GroupSnapshot, planGroupDelivery } from "../src/groups/plan-delivery";

const T0 = Date.parse("2026-12-01T12:00:00Z");
const s = (seconds: number) => new Date(T0 + seconds * 1000);
const timing = { groupWaitMs: 30_000, groupIntervalMs: 300_000, repeatIntervalMs: 86_400_000 };

const member = (alertId: string, overrides: Partial<GroupMember> = {}): GroupMember => ({
  alertId,
  joinedAt: s(0),
  active: true,
  acknowledged: false,
  announced: false,
  recoveryAnnounced: false,
  critical: false,
  mutedUntil: null,
  ...overrides,
});
const fresh = (members: GroupMember[]): GroupSnapshot => ({ firstSentAt: null, lastSentAt: null, members });
const sent = (members: GroupMember[], at = s(30)): GroupSnapshot => ({
  firstSentAt: s(30),
  lastSentAt: at,
  members,
});

describe("planGroupDelivery", () => {
  it("holds a new group for the group wait, then opens it with every member that joined meanwhile", () => {
    const group = fresh([member("a"), member("b", { joinedAt: s(20) }), member("c", { joinedAt: s(29) })]);
    expect(planGroupDelivery(group, s(10), timing)).toEqual({ dueAt: s(30), message: null });
    expect(planGroupDelivery(group, s(30), timing)).toEqual({
      dueAt: s(30),
      message: { type: "opened", announce: ["a", "b", "c"], recover: [], allRecovered: false },
    });
  });

  it("sends nothing for a group whose alerts all resolved before its first message", () => {
    expect(planGroupDelivery(fresh([member("a", { active: false })]), s(60), timing)).toEqual({
      dueAt: null,
      message: null,
    });
  });

  it("sends later additions as one follow-up per group interval", () => {
    const group = sent([
      member("a", { announced: true }),
      member("b", { joinedAt: s(40) }),
      member("c", { joinedAt: s(200) }),
    ]);
    expect(planGroupDelivery(group, s(100), timing)).toEqual({ dueAt: s(330), message: null });
    expect(planGroupDelivery(group, s(330), timing).message).toEqual({
      type: "more",
      announce: ["b", "c"],
      recover: [],
      allRecovered: false,
    });
  });

  it("never holds a critical addition longer than the group wait", () => {
    const group = sent([member("a", { announced: true }), member("b", { joinedAt: s(40), critical: true })]);
    expect(planGroupDelivery(group, s(41), timing).dueAt).toEqual(s(70));
    expect(planGroupDelivery(fresh([member("x", { critical: true })]), s(0), timing).dueAt).toEqual(s(30));
  });

  it("counts recoveries at the group interval, and closes the group when the last one recovers", () => {
    const some = sent([member("a", { announced: true, active: false }), member("b", { announced: true })]);
    expect(planGroupDelivery(some, s(330), timing).message).toEqual({
      type: "recovered",
      announce: [],
      recover: ["a"],
      allRecovered: false,
    });
    const all = sent([
      member("a", { announced: true, active: false, recoveryAnnounced: true }),
      member("b", { announced: true, active: false }),
    ]);
    expect(planGroupDelivery(all, s(330), timing).message).toEqual({
      type: "recovered",
      announce: [],
      recover: ["b"],
      allRecovered: true,
    });
  });

  it("reminds an open group every repeat interval, or never when the policy says so", () => {
    const open = sent([member("a", { announced: true })]);
    expect(planGroupDelivery(open, s(100), timing)).toEqual({ dueAt: s(30 + 86_400), message: null });
    expect(planGroupDelivery(open, s(30 + 86_400), timing).message?.type).toBe("reminder");
    expect(planGroupDelivery(open, s(30 + 86_400), { ...timing, repeatIntervalMs: null })).toEqual({
      dueAt: null,
      message: null,
    });
  });

  it("stops reminding once every open alert is acknowledged, and reminds again when an unacknowledged one joins", () => {
    const acknowledged = sent([
      member("a", { announced: true, acknowledged: true }),
      member("b", { announced: true, acknowledged: true }),
      member("c", { announced: true, active: false, recoveryAnnounced: true }),
    ]);
    expect(planGroupDelivery(acknowledged, s(30 + 86_400), timing)).toEqual({ dueAt: null, message: null });
    const partly = sent([
      member("a", { announced: true, acknowledged: true }),
      member("b", { announced: true }),
    ]);
    expect(planGroupDelivery(partly, s(30 + 86_400), timing).message?.type).toBe("reminder");
    const joined = sent([
      member("a", { announced: true, acknowledged: true }),
      member("d", { joinedAt: s(100) }),
    ]);
    const more = planGroupDelivery(joined, s(330), timing);
    expect(more.message).toEqual({ type: "more", announce: ["d"], recover: [], allRecovered: false });
    const afterMore = sent(
      [member("a", { announced: true, acknowledged: true }), member("d", { announced: true })],
      s(330),
    );
    expect(planGroupDelivery(afterMore, s(400), timing)).toEqual({ dueAt: s(330 + 86_400), message: null });
  });

  it("leaves a muted domain's alert out until its mute ends", () => {
    const group = fresh([member("a"), member("b", { mutedUntil: s(600) })]);
    expect(planGroupDelivery(group, s(30), timing).message?.announce).toEqual(["a"]);
    const later = sent([member("a", { announced: true }), member("b", { mutedUntil: s(600) })]);
    expect(planGroupDelivery(later, s(400), timing)).toEqual({ dueAt: s(600), message: null });
    expect(planGroupDelivery(later, s(600), timing).message?.announce).toEqual(["b"]);
  });

  it("never says a silent alert recovered", () => {
    const group = sent([member("a", { announced: true }), member("b", { active: false, joinedAt: s(40) })]);
    expect(planGroupDelivery(group, s(400), timing)).toEqual({ dueAt: s(30 + 86_400), message: null });
  });
});
