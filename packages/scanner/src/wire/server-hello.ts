import { ByteReader } from "./bytes";
import { ExtensionType, HELLO_RETRY_RANDOM } from "./extension-types";
import { type ParseResult, parseSafely } from "./parse-result";

export interface ServerHello {
  /** The negotiated wire version: supported_versions when present, else legacy_version. */
  version: number;
  legacyVersion: number;
  random: Buffer;
  sessionId: Buffer;
  cipherSuite: number;
  compression: number;
  /** Extension types in the order the server sent them. */
  extensions: number[];
  helloRetry: boolean;
  /** key_share: the server's group, or the group a HelloRetryRequest asks for. */
  keyShareGroup?: number;
  alpn?: string;
  secureRenegotiation: boolean;
}

type Reader = (data: ByteReader, hello: ServerHello) => void;

const extensionReaders: Record<number, Reader> = {
  [ExtensionType.supportedVersions]: (data, hello) => {
    hello.version = data.u16();
  },
  [ExtensionType.keyShare]: (data, hello) => {
    hello.keyShareGroup = data.u16();
  },
  [ExtensionType.alpn]: (data, hello) => {
    hello.alpn = data.vector(2).vector(1).rest().toString("ascii");
  },
  [ExtensionType.renegotiationInfo]: (_data, hello) => {
    hello.secureRenegotiation = true;
  },
};

/** A ServerHello (or HelloRetryRequest) handshake message body. */
export function parseServerHello(body: Buffer): ParseResult<ServerHello> {
  return parseSafely(() => {
    const reader = new ByteReader(body);
    const legacyVersion = reader.u16();
    const random = reader.bytes(32);
    const hello: ServerHello = {
      version: legacyVersion,
      legacyVersion,
      random,
      sessionId: reader.vector(1).rest(),
      cipherSuite: reader.u16(),
      compression: reader.u8(),
      extensions: [],
      helloRetry: random.equals(HELLO_RETRY_RANDOM),
      secureRenegotiation: false,
    };
    // SSLv3 and early TLS servers may end the message here.
    if (reader.remaining === 0) return hello;
    const extensions = reader.vector(2);
    while (extensions.remaining > 0) {
      const type = extensions.u16();
      const data = extensions.vector(2);
      hello.extensions.push(type);
      extensionReaders[type]?.(data, hello);
    }
    return hello;
  });
}
