import { pino } from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs on stdout; job and domain ids go in as fields, never into messages. */
export const createLogger = (level: string) => pino({ level, base: { service: "worker" } });
