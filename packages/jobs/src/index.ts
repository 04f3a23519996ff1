export { createRedisConnection } from "./connection";
export { createProcessor, type Handler, type Handlers, PermanentJobError } from "./processor";
export { createQueues, DEFAULT_PREFIX, enqueue, type QueueOptions, type Queues } from "./queues";
export { type JobName, type JobPayload, jobs, type QueueKey, queueNames } from "./registry";
