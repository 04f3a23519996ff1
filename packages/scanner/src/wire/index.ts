export { ALERT_HANDSHAKE_FAILURE, ALERT_PROTOCOL_VERSION, type Alert, alertName, parseAlert } from "./alerts";
export { parseCertificateMessage } from "./certificate-message";
export { buildClientHello, type ClientHelloOptions, type TlsProtocolId } from "./client-hello";
export {
  type ClientHello,
  readClientHello,
  type Sslv2ClientHello,
  type TlsClientHello,
} from "./client-hello-parser";
export { HELLO_RETRY_RANDOM } from "./extension-types";
export { groupById, groupByName, groupName, groupsFor, type NamedGroup, namedGroups } from "./groups";
export type { ParseResult } from "./parse-result";
export { type ProbeOptions, probe } from "./probe";
export type { ProbeResult, ProbeUntil, ServerHelloResult } from "./probe-result";
export { MAX_RECORD_LENGTH, MAX_RESPONSE_BYTES, ServerResponseReader } from "./response-reader";
export { parseServerHello, type ServerHello } from "./server-hello";
export { parseServerKeyExchange, type ServerKeyExchange } from "./server-key-exchange";
export { buildSslv2ClientHello, parseSslv2ServerMessage, type Sslv2ServerMessage } from "./sslv2";
