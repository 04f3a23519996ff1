/**
 * Values kept until an expiry each value decides (a CRL's nextUpdate, an ARI Retry-After), at
 * most `capacity` of them, least recently used out first. A value still loading is shared: callers
 * that ask meanwhile wait for the same load. A load that throws is not kept.
 */
export function expiringCache<V>(capacity: number) {
  const entries = new Map<string, { value: Promise<V>; expiresAt: number }>();
  return {
    /** The kept value, or undefined: never a load. */
    peek(key: string): Promise<V> | undefined {
      const found = entries.get(key);
      return found && found.expiresAt > Date.now() ? found.value : undefined;
    },
    /** The kept value (`kept`), or a new load, kept for its `keepMs` once it settles. */
    get(
      key: string,
      load: () => Promise<{ value: V; keepMs: number }>,
    ): { value: Promise<V>; kept: boolean } {
      const found = entries.get(key);
      entries.delete(key);
      if (found && found.expiresAt > Date.now()) {
        entries.set(key, found); // most recently used last
        return { value: found.value, kept: true };
      }
      // Kept with no end while it loads, so callers meanwhile share it.
      const entry = { expiresAt: Number.POSITIVE_INFINITY } as { value: Promise<V>; expiresAt: number };
      entry.value = load().then(
        ({ value, keepMs }) => {
          entry.expiresAt = Date.now() + keepMs;
          return value;
        },
        (error: unknown) => {
          if (entries.get(key) === entry) entries.delete(key);
          throw error;
        },
      );
      entries.set(key, entry);
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return { value: entry.value, kept: false };
    },
  };
}
