/**
 * At most `size` checks scan at once in this process; the rest wait in arrival order. A check
 * that waited spends the rest of its time bound scanning.
 */
export function checkSlots(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}
