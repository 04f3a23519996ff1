import { describe, expect, it } from "vitest";
import { allowAllAddresses, createAddressPolicy } from "../src/address-policy";

const policy = createAddressPolicy();

/** One or more refused examples for every range, with the range the reason must name. */
const refused: ReadonlyArray<[ip: string, range: string]> = [
  ["0.0.0.0", "0.0.0.0/8"],
  ["0.1.2.3", "0.0.0.0/8"],
  ["10.0.0.1", "10.0.0.0/8"],
  ["10.255.255.255", "10.0.0.0/8"],
  ["100.64.0.1", "100.64.0.0/10"],
  ["100.127.255.254", "100.64.0.0/10"],
  ["127.0.0.1", "127.0.0.0/8"],
  ["127.255.0.9", "127.0.0.0/8"],
  ["168.63.129.16", "168.63.129.16/32"],
  ["169.254.169.254", "169.254.0.0/16"],
  ["172.16.0.1", "172.16.0.0/12"],
  ["172.31.255.1", "172.16.0.0/12"],
  ["192.0.0.8", "192.0.0.0/24"],
  ["192.0.2.1", "192.0.2.0/24"],
  ["192.88.99.1", "192.88.99.0/24"],
  ["192.168.1.1", "192.168.0.0/16"],
  ["198.18.0.1", "198.18.0.0/15"],
  ["198.19.255.255", "198.18.0.0/15"],
  ["198.51.100.7", "198.51.100.0/24"],
  ["203.0.113.9", "203.0.113.0/24"],
  ["224.0.0.251", "224.0.0.0/4"],
  ["239.255.255.250", "224.0.0.0/4"],
  ["240.0.0.1", "240.0.0.0/4"],
  ["255.255.255.254", "240.0.0.0/4"],
  ["255.255.255.255", "255.255.255.255/32"],
  ["::", "::/128"],
  ["::1", "::1/128"],
  ["0:0:0:0:0:0:0:1", "::1/128"],
  ["::8.8.8.8", "::/96"],
  ["64:ff9b:1::a", "64:ff9b:1::/48"],
  ["100::1", "100::/64"],
  ["2001::1", "2001::/32"],
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::/32"],
  ["2001:2::1", "2001::/23"],
  ["2001:1ff::1", "2001::/23"],
  ["2001:db8::1", "2001:db8::/32"],
  ["3fff::1", "3fff::/20"],
  ["fc00::1", "fc00::/7"],
  ["fd12:3456::1", "fc00::/7"],
  ["fe80::1", "fe80::/10"],
  ["FE80::1", "fe80::/10"],
  ["fe80::1%eth0", "fe80::/10"],
  ["fec0::1", "fec0::/10"],
  ["ff02::1", "ff00::/8"],
];

/** IPv6 forms carrying an IPv4 address are judged by that address. */
const embedded: ReadonlyArray<[ip: string, range: string, via: string]> = [
  ["::ffff:127.0.0.1", "127.0.0.0/8", "IPv4-mapped"],
  ["::ffff:7f00:1", "127.0.0.0/8", "IPv4-mapped"],
  ["::FFFF:169.254.169.254", "169.254.0.0/16", "IPv4-mapped"],
  ["::ffff:a00:1", "10.0.0.0/8", "IPv4-mapped"],
  ["64:ff9b::127.0.0.1", "127.0.0.0/8", "NAT64"],
  ["64:ff9b::c0a8:101", "192.168.0.0/16", "NAT64"],
  ["2002:7f00:1::", "127.0.0.0/8", "6to4"],
  ["2002:a9fe:a9fe::1", "169.254.0.0/16", "6to4"],
  ["2002:c0a8:101::1", "192.168.0.0/16", "6to4"],
  ["2002:a00:1::", "10.0.0.0/8", "6to4"],
  ["::ffff:168.63.129.16", "168.63.129.16/32", "IPv4-mapped"],
  ["::ffff:0:127.0.0.1", "127.0.0.0/8", "IPv4-translated"],
  ["::ffff:0:a00:1", "10.0.0.0/8", "IPv4-translated"],
  ["0:0:0:0:ffff:0:a9fe:a9fe", "169.254.0.0/16", "IPv4-translated"],
  ["64:ff9b::10.0.0.1", "10.0.0.0/8", "NAT64"],
  ["64:ff9b::a9fe:a9fe", "169.254.0.0/16", "NAT64"],
  ["64:ff9b::168.63.129.16", "168.63.129.16/32", "NAT64"],
];

const publicAddresses = [
  "8.8.8.8",
  "1.1.1.1",
  "100.63.255.255",
  "100.128.0.0",
  "172.15.255.255",
  "172.32.0.1",
  "192.0.1.1",
  "198.17.255.255",
  "223.255.255.255",
  "2606:4700:4700::1111",
  "2a00:1450:4001:82a::200e",
  "::ffff:8.8.8.8",
  "::ffff:808:808",
  "::ffff:0:8.8.8.8",
  "168.63.129.17",
  "168.63.128.16",
  "64:ff9b::8.8.8.8",
  "2002:808:808::1",
  "2001:200::1",
];

describe("createAddressPolicy", () => {
  it.each(refused)("refuses %s (%s)", (ip, range) => {
    const verdict = policy.check(ip);
    expect(verdict.allowed).toBe(false);
    expect(verdict).toMatchObject({ reason: expect.stringContaining(`(${range})`) });
  });

  it.each(embedded)("refuses %s by its embedded IPv4 (%s via %s)", (ip, range, via) => {
    const verdict = policy.check(ip);
    expect(verdict).toMatchObject({
      allowed: false,
      reason: expect.stringContaining(`(${range}) via ${via}`),
    });
  });

  it.each(publicAddresses)("allows public %s", (ip) => {
    expect(policy.check(ip)).toEqual({ allowed: true });
  });

  it("names the range in the reason", () => {
    expect(policy.check("127.0.0.1")).toEqual({
      allowed: false,
      kind: "loopback",
      reason: "loopback (127.0.0.0/8)",
    });
    expect(policy.check("169.254.169.254")).toMatchObject({ reason: expect.stringContaining("metadata") });
  });

  it.each([
    ["10.1.2.3", "private"],
    ["100.100.100.200", "private"],
    ["fd00::1", "private"],
    ["::1", "loopback"],
    ["::ffff:0:127.0.0.1", "loopback"],
    ["169.254.169.254", "link-local"],
    ["168.63.129.16", "cloud metadata"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["2001:db8::1", "reserved"],
    ["224.0.0.1", "multicast"],
  ])("classes %s as %s", (ip, kind) => {
    expect(policy.check(ip)).toMatchObject({ allowed: false, kind });
  });

  it.each([
    "",
    "localhost",
    "example.com",
    "256.0.0.1",
    "01.2.3.4",
    "1.2.3",
    "10.0.0.0/8",
    "::g",
    "1.2.3.4%eth0",
    " 8.8.8.8",
  ])("refuses non-address %j", (input) => {
    expect(policy.check(input)).toEqual({ allowed: false, kind: "invalid", reason: "not an IP address" });
  });

  it("re-opens allow-listed ranges only", () => {
    const reopened = createAddressPolicy({ allow: ["10.1.0.0/16", "fd00:1::/32", "127.0.0.1/32"] });
    expect(reopened.check("10.1.2.3")).toEqual({ allowed: true });
    expect(reopened.check("::ffff:10.1.2.3")).toEqual({ allowed: true });
    expect(reopened.check("fd00:1::5")).toEqual({ allowed: true });
    expect(reopened.check("127.0.0.1")).toEqual({ allowed: true });
    expect(reopened.check("10.2.0.1")).toMatchObject({ allowed: false, reason: "private (10.0.0.0/8)" });
    expect(reopened.check("::ffff:0:10.1.2.3")).toEqual({ allowed: true });
    expect(reopened.check("64:ff9b::10.2.0.1").allowed).toBe(false);
    expect(reopened.check("127.0.0.2").allowed).toBe(false);
    expect(reopened.check("fd00:2::5").allowed).toBe(false);
  });

  it.each([
    "10.0.0.0",
    "10.0.0.0/33",
    "::/129",
    "10.0.0.0/-1",
    "10.0.0.0/8/8",
    "example.com/24",
    "fe80::%eth0/64",
    "",
  ])("rejects invalid allow-list entry %j", (entry) => {
    expect(() => createAddressPolicy({ allow: ["192.168.0.0/16", entry] })).toThrow(
      `Invalid CIDR "${entry}" in address allow-list`,
    );
  });

  it("allowPrivate allows every address but still refuses non-addresses", () => {
    const open = createAddressPolicy({ allowPrivate: true });
    for (const [ip] of [...refused, ...embedded]) expect(open.check(ip)).toEqual({ allowed: true });
    expect(open.check("example.com")).toEqual({
      allowed: false,
      kind: "invalid",
      reason: "not an IP address",
    });
  });

  it("allowAllAddresses is permissive", () => {
    expect(allowAllAddresses.check("169.254.169.254")).toEqual({ allowed: true });
    expect(allowAllAddresses.check("::1")).toEqual({ allowed: true });
  });
});
