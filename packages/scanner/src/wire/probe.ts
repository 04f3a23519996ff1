import net from "node:net";
import type { ProbeResult, ProbeUntil } from "./probe-result";
import { ServerResponseReader } from "./response-reader";

export interface ProbeOptions {
  address: string;
  port: number;
  /** Only names the target in error details; SNI travels inside `hello`. */
  servername?: string;
  /** The complete first flight: a TLS ClientHello record or an SSLv2 CLIENT-HELLO. */
  hello: Buffer;
  until?: ProbeUntil;
  /** Applies to connecting and, separately, to reading the answer. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Socket errors that mean the server hung up on us rather than that the network failed. */
const closedCodes = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/**
 * One connection: connect, send `hello`, read until the answer is known, destroy the socket.
 * Resolves with a ProbeResult in every case, within about 2 × timeoutMs.
 */
export function probe(options: ProbeOptions): Promise<ProbeResult> {
  const { address, port, hello, timeoutMs, signal } = options;
  const target = `${options.servername ?? address}:${port}`;
  if (signal?.aborted) return Promise.resolve({ type: "error", detail: "aborted" });

  let socket: net.Socket;
  try {
    socket = net.connect({ host: address, port, noDelay: true });
  } catch (error) {
    // Invalid ports and the like throw synchronously.
    return Promise.resolve({ type: "error", detail: `${target}: ${(error as Error).message}` });
  }
  return new Promise((resolve) => {
    const reader = new ServerResponseReader(options.until);
    let timer = setTimeout(() => finish({ type: "timeout", phase: "connect" }), timeoutMs);
    let done = false;

    function finish(result: ProbeResult): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(result);
    }
    function onAbort(): void {
      finish({ type: "error", detail: "aborted" });
    }

    signal?.addEventListener("abort", onAbort, { once: true });
    socket.once("connect", () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(reader.serverHello ?? { type: "timeout", phase: "read" }), timeoutMs);
      socket.write(hello);
    });
    socket.on("data", (chunk: Buffer) => {
      const result = reader.push(chunk);
      if (result) finish(result);
    });
    socket.once("end", () => finish(reader.end()));
    socket.once("close", () => finish(reader.end()));
    socket.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED") return finish({ type: "refused" });
      if (error.code && closedCodes.has(error.code)) return finish(reader.end());
      finish({ type: "error", detail: `${target}: ${error.code ?? error.message}` });
    });
  });
}
