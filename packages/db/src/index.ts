export { type ClientOptions, createPrismaClient } from "./client";
export * from "./generated/prisma/client";
export { uuidv7 } from "./uuid";
