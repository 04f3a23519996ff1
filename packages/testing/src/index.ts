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
export { createOcspResponse, type OcspCertStatus, type OcspResponseSpec } from "./tls/ocsp";
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
