import { describe, expect, it } from "vitest";
import { type CertificateIdentity, matchesHostname, normalizeHostname } from "../src/hostname.ts";

const dns = (...dnsNames: string[]): CertificateIdentity => ({ dnsNames, ipAddresses: [] });
const ips = (...ipAddresses: string[]): CertificateIdentity => ({ dnsNames: [], ipAddresses });

describe("normalizeHostname", () => {
  it.each([
    ["example.com", "example.com"],
    ["WWW.Example.COM", "www.example.com"],
    ["example.com.", "example.com"],
    ["bücher.example", "xn--bcher-kva.example"],
    ["BÜCHER.example.", "xn--bcher-kva.example"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
    ["faß.de", "xn--fa-hia.de"],
    ["_acme-challenge.example.com", "_acme-challenge.example.com"],
    ["localhost", "localhost"],
    ["192.0.2.1", "192.0.2.1"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["[2001:DB8::1]", "2001:db8::1"],
    ["::ffff:1.2.3.4", "::ffff:102:304"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });

  it.each([
    "",
    ".",
    "a..example.com",
    "example.com..",
    " example.com",
    "exa mple.com",
    "-leading.example",
    "trailing-.example",
    "a%41.example",
    "fe80::1%eth0",
    "127.1",
    "0x7f.0.0.1",
    "*.example.com",
    `${"a".repeat(64)}.example`,
    `${"abcdefghi.".repeat(26)}com`,
  ])("rejects %j", (input) => {
    expect(() => normalizeHostname(input)).toThrow(/hostname/);
  });
});

describe("matchesHostname", () => {
  const cases: ReadonlyArray<[name: string, cert: CertificateIdentity, expected: boolean]> = [
    ["example.com", dns("example.com"), true],
    ["EXAMPLE.com", dns("example.com"), true],
    ["example.com", dns("EXAMPLE.COM"), true],
    ["example.com.", dns("example.com"), true],
    ["example.com", dns("example.com."), true],
    ["other.com", dns("example.com"), false],
    ["example.com", dns("example.com.evil"), false],
    ["bücher.example", dns("xn--bcher-kva.example"), true],
    ["xn--bcher-kva.example", dns("xn--bcher-kva.example"), true],
    ["bucher.example", dns("xn--bcher-kva.example"), false],
    ["shop.bücher.example", dns("*.xn--bcher-kva.example"), true],
    // Wildcards: whole left-most label, exactly one level.
    ["a.example.com", dns("*.example.com"), true],
    ["A.Example.Com.", dns("*.example.com"), true],
    ["a.b.example.com", dns("*.example.com"), false],
    ["example.com", dns("*.example.com"), false],
    ["foo.example.com", dns("f*.example.com"), false],
    ["foo.example.com", dns("*o.example.com"), false],
    ["a.b.example.com", dns("a.*.example.com"), false],
    ["a.b.example.com", dns("*.*.example.com"), false],
    ["example.com", dns("*.com"), false],
    ["a.com", dns("*"), false],
    ["a.example.com", dns("other.com", "*.example.com"), true],
    // IP literals match IP SANs only, compared as addresses.
    ["192.0.2.1", ips("192.0.2.1"), true],
    ["192.0.2.2", ips("192.0.2.1"), false],
    ["::1", ips("0:0:0:0:0:0:0:1"), true],
    ["0:0:0:0:0:0:0:1", ips("::1"), true],
    ["[2001:db8::1]", ips("2001:DB8:0:0:0:0:0:1"), true],
    ["2001:db8::2", ips("2001:db8::1"), false],
    ["192.0.2.1", dns("192.0.2.1"), false],
    ["192.0.2.1", { dnsNames: [], ipAddresses: [], commonName: "192.0.2.1" }, false],
    ["1.2.3.4", ips("::ffff:1.2.3.4"), false],
    ["example.com", ips("192.0.2.1"), false],
    // Unusable names never match.
    ["", dns("example.com"), false],
    ["a..example.com", dns("a..example.com"), false],
    ["127.1", ips("127.0.0.1"), false],
  ];

  it.each(cases)("%j against %j → %s", (name, cert, expected) => {
    expect(matchesHostname(name, cert)).toBe(expected);
  });

  it("ignores the subject CN by default, as browsers do", () => {
    expect(matchesHostname("legacy.test", { dnsNames: [], ipAddresses: [], commonName: "legacy.test" })).toBe(
      false,
    );
  });

  const fallbackCases: ReadonlyArray<[name: string, cert: CertificateIdentity, expected: boolean]> = [
    ["legacy.test", { dnsNames: [], ipAddresses: [], commonName: "legacy.test" }, true],
    ["a.legacy.test", { dnsNames: [], ipAddresses: [], commonName: "*.legacy.test" }, true],
    ["legacy.test", { dnsNames: [], ipAddresses: ["192.0.2.1"], commonName: "legacy.test" }, true],
    ["legacy.test", { dnsNames: ["other.test"], ipAddresses: [], commonName: "legacy.test" }, false],
    ["legacy.test", { dnsNames: [], ipAddresses: [] }, false],
  ];

  it.each(fallbackCases)("with allowCommonNameFallback: %j against %j → %s", (name, cert, expected) => {
    expect(matchesHostname(name, cert, { allowCommonNameFallback: true })).toBe(expected);
  });
});
