export { createRedisConnection } from "./connection";
export { enqueueGroupFlushes } from "./enqueue-group-flushes";
export { attemptsFor, enqueueNotifications } from "./enqueue-notifications";
export { jobOptions } from "./job-options";
export { createProcessor, type Handler, type Handlers, PermanentJobError } from "./processor";
export { createQueues, DEFAULT_PREFIX, enqueue, enqueueMany, type QueueOptions, type Queues } from "./queues";
export {
  type JobName,
  type JobPayload,
  jobs,
  type QueueKey,
  queueNames,
  scanPriority,
  WATCH_BATCH_MAX,
} from "./registry";
export { CAPPED_EXPONENTIAL, cappedExponentialBackoff, RETRY_CAP_MS } from "./retry-backoff";
