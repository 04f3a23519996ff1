/** Where to go after signing in: a path on this site only, never another origin (open redirect). */
export function safeNext(next: string | undefined, fallback = "/overview"): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}
