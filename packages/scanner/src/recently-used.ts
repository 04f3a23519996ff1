/**
 * A bounded cache: `(key, build)` returns the value kept for `key`, or builds and keeps it. The
 * least recently used entry leaves first once more than `capacity` are kept.
 */
export function recentlyUsed<V>(capacity: number): (key: string, build: () => V) => V {
  const entries = new Map<string, V>();
  return (key, build) => {
    let value = entries.get(key);
    if (value === undefined) value = build();
    else entries.delete(key);
    entries.set(key, value);
    if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    return value;
  };
}
