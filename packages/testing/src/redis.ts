import { randomBytes } from "node:crypto";
import { testEnv } from "@port443/config/testing";

/** A BullMQ key prefix of its own, so concurrent test files never share queues. */
export const uniquePrefix = (label: string) => `test-${label}-${randomBytes(4).toString("hex")}`;

export const testRedisUrl = () => testEnv().REDIS_URL;
