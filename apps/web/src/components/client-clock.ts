"use client";
import { useSyncExternalStore } from "react";

const TICK_MS = 30_000;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => now;
const serverSnapshot = () => null;

/**
 * The browser's clock, for relative times and dates in the viewer's zone: milliseconds since the
 * epoch, ticking every 30 seconds while a component reads it. The server knows neither the
 * viewer's clock nor their zone, so it gets null, and so does the browser while it hydrates that
 * HTML (React reads the server snapshot then): both render alike, with no hydration mismatch, and
 * the local values follow right after.
 */
export function useClientNow(): number | null {
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot);
}
