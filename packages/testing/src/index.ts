export type { Browser, ConsoleMessage, Locator, Page } from "playwright-core";
export { aptInstall, canAptInstall } from "./apt";
export { ensureChromium, launchBrowser, saveScreenshot } from "./browser";
export { createTestDatabase, type TestDatabase } from "./database";
export { freePort } from "./ports";
export { databaseName, dropDatabase, ensureDatabase, recreateDatabase, withDatabase } from "./postgres";
export { testRedisUrl, uniquePrefix } from "./redis";
export { type SmtpTestServer, startSmtpServer } from "./smtp";
export { type RenewalWindow, renewalInfoIdOf, startAcmeServer } from "./tls/acme";
export { type CrlSpec, createCrl } from "./tls/crl";
export { startCcsInjectionFake } from "./tls/fakes/ccs-injection";
export { Extension, type HelloSummary, isGrease, parseClientHello } from "./tls/fakes/client-hello";
export { startCrimeFake } from "./tls/fakes/crime";
export { startNoFallbackScsvFake } from "./tls/fakes/fallback-scsv";
export { startGreaseIntolerantFake } from "./tls/fakes/grease";
export { type HeartbleedFakeSpec, startHeartbleedFake } from "./tls/fakes/heartbleed";
export {
  type ConnectionScript,
  type FakeConnection,
  type FakeScript,
  type InterceptingFake,
  startInterceptingFake,
} from "./tls/fakes/intercept";
export {
  alertRecord,
  encodeRecord,
  encodeRecordBytes,
  handshakeMessage,
  RecordSplitter,
  RecordType,
  type TlsRecord,
} from "./tls/fakes/records";
export { type RobotFakeSpec, startRobotFake } from "./tls/fakes/robot";
export {
  certificateMessage,
  rsaServerFlight,
  type ServerHelloSpec,
  serverHelloDoneMessage,
  serverHelloMessage,
} from "./tls/fakes/server-flight";
export { startTicketbleedFake, type TicketbleedFakeSpec } from "./tls/fakes/ticketbleed";
export { createOcspResponse, type OcspCertStatus, type OcspResponseSpec } from "./tls/ocsp";
export { type OpensslServer, startOpensslServer } from "./tls/openssl-server";
export {
  type CertSpec,
  createChain,
  type IssuedCert,
  issueCert,
  type KeySpec,
  legacyTlsOptions,
} from "./tls/pki";
export {
  type Served,
  startHttpServer,
  startLoopbackEndpoint,
  startRawServer,
  startTlsServer,
  type TlsServerSpec,
} from "./tls/servers";
export { totpCode, totpSecret } from "./totp";
