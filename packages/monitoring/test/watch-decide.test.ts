import { describe, expect, it } from "vitest";
import { decideWatch, type WatchDecisionInput } from "../src/watch/decide";
import type { WatchedEndpoint, WatchState } from "../src/watch/state";

const now = new Date(Date.UTC(2026, 11, 4, 12));
const endpoint = (
  ip: string,
  signature: string | null,
  extra: Partial<WatchedEndpoint> = {},
): WatchedEndpoint => ({
  ip,
  mode: "plaintext",
  signature,
  error: signature ? null : "timeout",
  ...extra,
});
const state = (addresses: WatchedEndpoint[], certificateFindings: string[] = []): WatchState => ({
  addresses,
  certificateFindings,
});
const decide = (input: Partial<WatchDecisionInput> & Pick<WatchDecisionInput, "probed">) =>
  decideWatch({ previous: null, skipped: [], alertCheckAt: null, now, ...input });

const stable = state([endpoint("192.0.2.1", "sig-a"), endpoint("192.0.2.2", "sig-a")], ["cert.no_sct"]);

describe("decideWatch: when a watch probe asks for a deep scan", () => {
  it("the first probe is the baseline: no deep scan, its state kept", () => {
    const outcome = decide({ probed: stable });
    expect(outcome).toEqual({ kind: "baseline", state: stable });
  });

  it("the same signatures, modes and findings are unchanged, in any order", () => {
    const reordered = state([...stable.addresses].reverse(), ["cert.no_sct"]);
    expect(decide({ previous: stable, probed: reordered }).kind).toBe("unchanged");
  });

  it("a new certificate (or anything else in the signature) on one address is a change, named", () => {
    const outcome = decide({
      previous: stable,
      probed: state([endpoint("192.0.2.1", "sig-b"), endpoint("192.0.2.2", "sig-a")], ["cert.no_sct"]),
    });
    expect(outcome.kind).toBe("changed");
    expect(outcome.kind === "changed" && outcome.reasons).toEqual([
      "192.0.2.1 serves something else (certificate, chain, protocol, suite, group, ALPN or HSTS)",
    ]);
    // The new state is what the next probe compares against: the same change never asks twice.
    expect(decide({ previous: outcome.state, probed: outcome.state }).kind).toBe("unchanged");
  });

  it("an address added or gone is a change", () => {
    const outcome = decide({
      previous: stable,
      probed: state([endpoint("192.0.2.1", "sig-a"), endpoint("192.0.2.3", "sig-a")], ["cert.no_sct"]),
    });
    expect(outcome.kind === "changed" && outcome.reasons).toEqual([
      "the addresses changed (+192.0.2.3, -192.0.2.2)",
    ]);
  });

  it("an address left unprobed (its leases taken) keeps its entry and is not a change", () => {
    const outcome = decide({
      previous: stable,
      probed: state([endpoint("192.0.2.1", "sig-a")], ["cert.no_sct"]),
      skipped: ["192.0.2.2"],
    });
    expect(outcome.kind).toBe("unchanged");
    expect(outcome.state.addresses.map((entry) => entry.ip)).toEqual(["192.0.2.1", "192.0.2.2"]);
  });

  it("a failing address is a change once, staying down is not, coming back is", () => {
    const down = decide({
      previous: stable,
      probed: state([endpoint("192.0.2.1", null), endpoint("192.0.2.2", "sig-a")], ["cert.no_sct"]),
    });
    expect(down.kind === "changed" && down.reasons).toEqual(["192.0.2.1 fails (timeout)"]);
    const stillDown = decide({
      previous: down.state,
      probed: state([endpoint("192.0.2.1", null), endpoint("192.0.2.2", "sig-a")], ["cert.no_sct"]),
    });
    expect(stillDown.kind).toBe("unchanged");
    const back = decide({ previous: stillDown.state, probed: stable });
    expect(back.kind === "changed" && back.reasons).toEqual(["192.0.2.1 answers again"]);
  });

  it("a server that now needs a full handshake is a change", () => {
    const outcome = decide({
      previous: stable,
      probed: state(
        [endpoint("192.0.2.1", "sig-a", { mode: "handshake" }), endpoint("192.0.2.2", "sig-a")],
        ["cert.no_sct"],
      ),
    });
    expect(outcome.kind === "changed" && outcome.reasons).toEqual(["192.0.2.1 now needs a full handshake"]);
  });

  it("new certificate findings (a revoked staple) are a change; a probe that reached nothing keeps the old ones", () => {
    const revoked = decide({
      previous: stable,
      probed: state(stable.addresses, ["cert.no_sct", "cert.revoked"]),
    });
    expect(revoked.kind === "changed" && revoked.reasons).toEqual([
      "the certificate findings changed (cert.no_sct, cert.revoked)",
    ]);
    const unreachable = decide({
      previous: stable,
      probed: state([endpoint("192.0.2.1", null), endpoint("192.0.2.2", null)], []),
    });
    expect(unreachable.state.certificateFindings).toEqual(["cert.no_sct"]);
    expect(unreachable.kind === "changed" && unreachable.reasons).toHaveLength(2);
  });

  it("nothing changed but the alerts' boundary passed: due, a deep scan decides them", () => {
    expect(decide({ previous: stable, probed: stable, alertCheckAt: new Date(now.getTime() - 1) }).kind).toBe(
      "due",
    );
    expect(decide({ previous: stable, probed: stable, alertCheckAt: new Date(now.getTime() + 1) }).kind).toBe(
      "unchanged",
    );
  });
});
