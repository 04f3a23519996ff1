/**
 * Where to go after signing in: a page of this site (`origin`) only, never another (open
 * redirect). `next` is resolved as a browser resolves a link, since browsers drop tabs and
 * newlines and read backslashes as slashes, so "/\t/evil.example" is "//evil.example" to them;
 * only a result on our origin is kept, and then as its path, which resolves to the same place.
 */
export function safeNext(next: string | undefined, origin: string, fallback = "/overview"): string {
  if (!next) return fallback;
  const site = new URL(origin);
  let target: URL;
  try {
    target = new URL(next, site);
  } catch {
    return fallback;
  }
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path that resolves to "//host" (dot segments can produce one) would leave on its own.
  if (target.origin !== site.origin || path.startsWith("//")) return fallback;
  return path;
}
