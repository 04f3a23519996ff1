import net from "node:net";
import { MAX_RECORD_LENGTH, MAX_RESPONSE_BYTES } from "./response-reader";

/** A record as the server sent it. */
export interface ServerRecord {
  type: number;
  version: number;
  body: Buffer;
}

/** How a wait for the server ended when no record came. */
export type ConversationEnd =
  | { end: "timeout" }
  /** The server closed (FIN) or reset the connection. */
  | { end: "closed" }
  | { end: "error"; detail: string }
  /** More than a record can hold, or more than a probe will read in all. */
  | { end: "oversized" };

export interface ConversationTarget {
  address: string;
  port: number;
  /** Connecting and each wait get this long. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * A raw TLS connection held open for probes that need more than one flight (Heartbleed, CCS
 * injection, ROBOT): send bytes, then read the server's records one at a time, each wait bounded.
 * Reads stop at MAX_RESPONSE_BYTES, so a hostile server cannot make a probe buffer without end.
 */
export class Conversation {
  private pending = Buffer.alloc(0);
  private received = 0;
  private ended: ConversationEnd | null = null;
  private wake: (() => void) | null = null;

  private constructor(
    private readonly socket: net.Socket,
    private readonly timeoutMs: number,
  ) {
    socket.on("data", (chunk: Buffer) => {
      this.received += chunk.length;
      if (this.received > MAX_RESPONSE_BYTES) this.finish({ end: "oversized" });
      else this.pending = Buffer.concat([this.pending, chunk]);
      this.wake?.();
    });
    const closed = () => this.finish({ end: "closed" });
    socket.on("end", closed);
    socket.on("close", closed);
    socket.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNRESET" || error.code === "EPIPE"
        ? closed()
        : this.finish({ end: "error", detail: error.code ?? error.message }),
    );
  }

  /** Connects; a failure to connect comes back as a ConversationEnd. */
  static open(target: ConversationTarget): Promise<Conversation | ConversationEnd> {
    if (target.signal?.aborted) return Promise.resolve({ end: "error", detail: "aborted" });
    return new Promise((resolve) => {
      const socket = net.connect({ host: target.address, port: target.port, noDelay: true });
      const conversation = new Conversation(socket, target.timeoutMs);
      const onAbort = () => conversation.close();
      target.signal?.addEventListener("abort", onAbort, { once: true });
      socket.once("close", () => target.signal?.removeEventListener("abort", onAbort));
      const timer = setTimeout(() => {
        conversation.close();
        resolve({ end: "timeout" });
      }, target.timeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        resolve(conversation);
      });
      socket.once("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve({ end: "error", detail: error.code ?? error.message });
      });
    });
  }

  send(data: Buffer): void {
    if (!this.ended && !this.socket.destroyed) this.socket.write(data);
  }

  /** The next record, or how the wait ended. A record over the TLS limit ends the conversation. */
  async nextRecord(timeoutMs = this.timeoutMs): Promise<ServerRecord | ConversationEnd> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.pending.length >= 5) {
        const length = this.pending.readUInt16BE(3);
        if (length > MAX_RECORD_LENGTH) {
          this.finish({ end: "oversized" });
          return this.ended!;
        }
        if (this.pending.length >= 5 + length) {
          const record = {
            type: this.pending[0]!,
            version: this.pending.readUInt16BE(1),
            body: this.pending.subarray(5, 5 + length),
          };
          this.pending = this.pending.subarray(5 + length);
          return record;
        }
      }
      if (this.ended) return this.ended;
      const left = deadline - Date.now();
      if (left <= 0) return { end: "timeout" };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /**
   * Handshake messages until one of type `last` (ServerHelloDone, say) has been read, as
   * [type, body] pairs; any other record type, or the wait ending, stops it with what ended it.
   */
  async handshakeUntil(
    last: number,
  ): Promise<
    { messages: [number, Buffer][] } | { messages: [number, Buffer][]; stop: ServerRecord | ConversationEnd }
  > {
    const messages: [number, Buffer][] = [];
    let buffered = Buffer.alloc(0);
    for (;;) {
      const record = await this.nextRecord();
      if (!("type" in record) || record.type !== 22) return { messages, stop: record };
      buffered = Buffer.concat([buffered, record.body]);
      while (buffered.length >= 4 && buffered.length >= 4 + buffered.readUIntBE(1, 3)) {
        const type = buffered[0]!;
        const length = buffered.readUIntBE(1, 3);
        messages.push([type, buffered.subarray(4, 4 + length)]);
        buffered = buffered.subarray(4 + length);
        if (type === last) return { messages };
      }
    }
  }

  close(): void {
    this.finish({ end: "closed" });
    this.socket.destroy();
  }

  private finish(end: ConversationEnd): void {
    this.ended ??= end;
    this.wake?.();
  }
}
