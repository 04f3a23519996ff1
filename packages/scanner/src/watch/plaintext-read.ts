import { cipherSuiteByCode } from "../data/cipher-suites";
import { ScanFailure } from "../net/scan-error";
import { groupName } from "../wire/groups";
import { probe } from "../wire/probe";
import type { ProbeResult } from "../wire/probe-result";
import { watchHello } from "./hello";
import type { Read, ReadFailure, ReadTarget } from "./read";

/** OpenSSL's names, as Node's getEphemeralKeyInfo() gives them to the handshake mode and the full scan. */
const opensslGroupNames: Record<number, string> = {
  29: "X25519",
  23: "prime256v1",
  24: "secp384r1",
  25: "secp521r1",
  30: "X448",
};

const UNREACHABLE = /EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL/;

/** A probe that got no certificate, as the report's error. */
function failureOf(result: Exclude<ProbeResult, { type: "server_hello" }>, target: string): ReadFailure {
  const failed = (code: ScanFailure["code"], message: string, reachable: boolean): ReadFailure => ({
    failure: new ScanFailure(code, message),
    reachable,
  });
  switch (result.type) {
    case "refused":
      return failed("connection_refused", "connection refused", false);
    case "timeout":
      return result.phase === "connect"
        ? failed("timeout", `no connection to ${target}`, false)
        : failed("timeout", `no answer from ${target} to a TLS 1.2 ClientHello`, true);
    case "error":
      return UNREACHABLE.test(result.detail)
        ? failed("connection_refused", `no route to host (${result.detail})`, false)
        : failed("tls_handshake_failed", result.detail, false);
    case "alert":
      return failed(
        "tls_handshake_failed",
        `a TLS 1.2 ClientHello got the alert ${result.description}`,
        true,
      );
    case "closed":
      return failed(
        "tls_handshake_failed",
        "the server closed the connection on a TLS 1.2 ClientHello",
        true,
      );
    case "not_tls":
      return failed("not_tls", `the server did not speak TLS (${result.detail})`, true);
    case "sslv2_server_hello":
      return failed("tls_handshake_failed", "the server answered a TLS 1.2 ClientHello in SSLv2", true);
  }
}

/**
 * The plaintext read: one connection, one TLS 1.2 ClientHello, the server's flight read up to its
 * ServerKeyExchange (or ServerHelloDone), then closed. TLS ≤ 1.2 sends the Certificate and
 * CertificateStatus messages in the clear, so the chain, the staple, the suite, the ECDHE group and
 * ALPN come without any key exchange or decryption on our side.
 */
export async function readPlaintext(target: ReadTarget): Promise<Read | ReadFailure> {
  const result = await probe({
    address: target.address,
    port: target.port,
    servername: target.servername,
    hello: watchHello(target.servername),
    until: "server_key_exchange",
    timeoutMs: target.remaining(),
    signal: target.signal,
  });
  const where = `${target.servername}:${target.port}`;
  if (result.type !== "server_hello") return failureOf(result, where);
  if (!result.certificates?.length) {
    return {
      failure: new ScanFailure(
        "tls_handshake_failed",
        "the server sent no certificate to a TLS 1.2 ClientHello",
      ),
      reachable: true,
    };
  }
  const group = result.ecdheGroup;
  return {
    certificates: result.certificates,
    negotiated: {
      protocol: result.version,
      cipher: cipherSuiteByCode(result.cipherSuite)?.name ?? null,
      group: group === undefined ? null : (opensslGroupNames[group] ?? groupName(group)),
      alpn: result.alpn ?? null,
    },
    ocspResponse: result.ocspResponse ?? null,
    http: undefined,
  };
}
