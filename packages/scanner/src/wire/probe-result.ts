import type { ProtocolId } from "../protocols";

/** What one probe connection learned. Network trouble is a result too, never an exception. */
export type ProbeResult =
  | {
      type: "server_hello";
      version: ProtocolId;
      cipherSuite: number;
      /** TLS 1.3: the key_share group (the one requested, for a HelloRetryRequest). */
      group?: number;
      helloRetry?: boolean;
      /** From a ServerKeyExchange, when read that far. */
      dhBits?: number;
      ecdheGroup?: number;
      /** TLS ≤ 1.2 Certificate message, when read that far. */
      certificates?: Buffer[];
      /** TLS ≤ 1.2 CertificateStatus: the stapled OCSP response (DER), when one came. */
      ocspResponse?: Buffer;
      compression: number;
      alpn?: string;
      secureRenegotiation: boolean;
      extensions: number[];
    }
  | { type: "alert"; description: string; code: number; level: number }
  | { type: "sslv2_server_hello"; cipherSpecs: number[]; certificate?: Buffer }
  /** Closed or reset before answering. */
  | { type: "closed" }
  | { type: "timeout"; phase: "connect" | "read" }
  /** Answered with something that is not a TLS/SSL server response. */
  | { type: "not_tls"; detail: string }
  | { type: "refused" }
  | { type: "error"; detail: string };

export type ServerHelloResult = Extract<ProbeResult, { type: "server_hello" }>;

/** How far to read: the ServerHello alone, or on to the ServerKeyExchange (TLS ≤ 1.2). */
export type ProbeUntil = "server_hello" | "server_key_exchange";
