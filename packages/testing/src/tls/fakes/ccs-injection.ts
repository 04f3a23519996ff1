import { type InterceptingFake, startInterceptingFake } from "./intercept";
import { alertRecord, RecordType } from "./records";

const CLIENT_KEY_EXCHANGE = 16;
const UNEXPECTED_MESSAGE = 10;
const BAD_RECORD_MAC = 20;

/**
 * OpenSSL before 1.0.1h in front of a real server: every connection goes through, but a
 * ChangeCipherSpec before the client's key exchange cuts the real server off and is answered
 * here: taken silently, with the next record failing under the premature keys (bad_record_mac),
 * as the vulnerable versions did; or, patched, refused with unexpected_message as OpenSSL does now.
 */
export function startCcsInjectionFake(upstreamPort: number, vulnerable: boolean): Promise<InterceptingFake> {
  return startInterceptingFake(upstreamPort, (hello) => {
    // TLS 1.3 clients send a CCS for middlebox compatibility and have no key exchange message.
    if (hello.maxVersion >= 0x0304) return "pass";
    let keyExchangeSeen = false;
    let earlyCcs = false;
    return {
      mode: "pass",
      onRecord(record, connection) {
        if (earlyCcs) {
          connection.send(alertRecord(BAD_RECORD_MAC, record.version));
          connection.close();
          return "handled";
        }
        if (record.type === RecordType.handshake && record.body[0] === CLIENT_KEY_EXCHANGE)
          keyExchangeSeen = true;
        if (record.type !== RecordType.changeCipherSpec || keyExchangeSeen) return "forward";
        connection.detach();
        if (vulnerable) {
          earlyCcs = true;
        } else {
          connection.send(alertRecord(UNEXPECTED_MESSAGE, record.version));
          connection.close();
        }
        return "handled";
      },
    };
  });
}
