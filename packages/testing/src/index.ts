export { createTestDatabase, type TestDatabase } from "./database";
export { freePort } from "./ports";
export { databaseName, dropDatabase, ensureDatabase, recreateDatabase, withDatabase } from "./postgres";
export { testRedisUrl, uniquePrefix } from "./redis";
