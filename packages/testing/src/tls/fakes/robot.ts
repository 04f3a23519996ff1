import { constants, createPrivateKey, type KeyObject, privateDecrypt } from "node:crypto";
import { type InterceptingFake, startInterceptingFake } from "./intercept";
import { alertRecord, RecordType, type TlsRecord } from "./records";

const CLIENT_KEY_EXCHANGE = 16;
const DECRYPT_ERROR = 51;

export interface RobotFakeSpec {
  /** A real TLS server with RSA key transport suites (AES128-SHA, say) and the key below. */
  upstreamPort: number;
  /** The real server's private key, PEM. */
  keyPem: string;
  /** false: every connection goes through untouched, and the real server is all there is. */
  vulnerable: boolean;
}

/** The encrypted premaster of a ClientKeyExchange handshake record; undefined for other records. */
function encryptedPremaster(record: TlsRecord): Buffer | undefined {
  const body = record.body;
  // Type, 24-bit length, then the 16-bit-length-prefixed ciphertext.
  if (record.type !== RecordType.handshake || body.length < 6 || body[0] !== CLIENT_KEY_EXCHANGE)
    return undefined;
  return body.subarray(6, 6 + body.readUInt16BE(4));
}

/**
 * PKCS#1 v1.5 as a careless decoder checks it: 00 02, at least 8 non-zero bytes, a 00 somewhere
 * after them. The premaster's length and version are not looked at, as in the servers that leaked.
 */
function conforming(encrypted: Buffer, key: KeyObject): boolean {
  let block: Buffer;
  try {
    block = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, encrypted);
  } catch {
    // Not the modulus' length, or not below it: no padding to check.
    return false;
  }
  return block[0] === 0 && block[1] === 2 && block.indexOf(0, 2) >= 10;
}

/**
 * A ROBOT-vulnerable server (a Bleichenbacher padding oracle): the handshake is the real server's,
 * but the fake decrypts each ClientKeyExchange itself; badly padded ones get decrypt_error at once,
 * while well-padded ones go on to the real server, which fails the bogus Finished with
 * bad_record_mac. OpenSSL 3 answers both alike, so `vulnerable: false` just passes everything on.
 */
export function startRobotFake(spec: RobotFakeSpec): Promise<InterceptingFake> {
  const key = createPrivateKey(spec.keyPem);
  return startInterceptingFake(spec.upstreamPort, () => {
    if (!spec.vulnerable) return "pass";
    let keyExchangeSeen = false;
    let answered = false;
    return {
      mode: "pass",
      onRecord(record, connection) {
        if (answered) return "handled";
        // The encrypted Finished after the key exchange may start with any byte: look once only.
        const encrypted = keyExchangeSeen ? undefined : encryptedPremaster(record);
        if (!encrypted) return "forward";
        keyExchangeSeen = true;
        if (conforming(encrypted, key)) return "forward";
        answered = true;
        connection.detach();
        connection.send(alertRecord(DECRYPT_ERROR, record.version));
        connection.close();
        return "handled";
      },
    };
  });
}
