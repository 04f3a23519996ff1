export { type ClientOptions, createPrismaClient } from "./client";
export * from "./generated/prisma/client";
