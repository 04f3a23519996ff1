import { createHash } from "node:crypto";
import { ServiceError } from "@port443/services";

/** What a badge lookup gives: the SVG and how long it may be kept (`getBadge`). */
export type LoadBadge = (token: string) => Promise<{ svg: string; maxAgeSeconds: number }>;

interface Kept {
  svg: string;
  etag: string;
  expiresAt: number;
}

/** Badges kept at most; past that the least recently used goes first. */
const defaultCapacity = 10_000;

const fileName = /^([A-Za-z0-9_-]{24})\.svg$/;

const notFound = () =>
  new Response("Not found\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/** If-None-Match holds `etag`: one of its list, weak or strong, or "*". */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

/**
 * Serves `/badges/<token>.svg` from a cache of rendered badges, each kept for as long as its
 * response lets others keep it (the domain's watch interval, see `getBadge`), so a request within
 * that time costs no database query, and a client revalidating with its ETag gets a 304. Unknown
 * tokens are looked up every time and never kept (they cannot crowd out real badges).
 *
 * A badge rotated or turned off by this process is dropped at once (`forget`, called by the
 * dashboard's actions). Another web process serves its kept copy until it expires, at most the
 * max-age, which is also how long browsers and image proxies may show the old badge anyway.
 */
export function createBadgeServer(options: { load: LoadBadge; capacity?: number; now?: () => number }) {
  const { load, capacity = defaultCapacity, now = Date.now } = options;
  const entries = new Map<string, Kept>();
  // Bumped by every `forget`: a lookup that began before one is not kept, as it may have read the
  // badge just before it was rotated away.
  let generation = 0;

  function kept(token: string): Kept | undefined {
    const entry = entries.get(token);
    if (!entry) return undefined;
    entries.delete(token);
    if (entry.expiresAt <= now()) return undefined;
    entries.set(token, entry); // most recently used last
    return entry;
  }

  async function lookUp(token: string): Promise<Kept | undefined> {
    const lookedUpIn = generation;
    let badge: Awaited<ReturnType<LoadBadge>>;
    try {
      badge = await load(token);
    } catch (error) {
      if (error instanceof ServiceError && error.code === "not_found") return undefined;
      throw error;
    }
    const entry = {
      svg: badge.svg,
      etag: `"${createHash("sha256").update(badge.svg).digest("base64url").slice(0, 27)}"`,
      expiresAt: now() + badge.maxAgeSeconds * 1000,
    };
    if (lookedUpIn === generation) {
      entries.set(token, entry);
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    }
    return entry;
  }

  return {
    /** The response to `GET /badges/<file>`. */
    async respond(request: Request, file: string): Promise<Response> {
      const token = fileName.exec(file)?.[1];
      if (!token) return notFound();
      const entry = kept(token) ?? (await lookUp(token));
      if (!entry) return notFound();
      const headers = {
        etag: entry.etag,
        // What is left of the kept copy's time, so no cache holds it past the domain's interval.
        "cache-control": `public, max-age=${Math.max(0, Math.ceil((entry.expiresAt - now()) / 1000))}`,
      };
      if (matches(request.headers.get("if-none-match"), entry.etag))
        return new Response(null, { status: 304, headers });
      return new Response(entry.svg, {
        headers: { ...headers, "content-type": "image/svg+xml; charset=utf-8" },
      });
    },
    /** Stops serving a token at once: the badge was rotated or turned off. */
    forget(token: string) {
      generation++;
      entries.delete(token);
    },
  };
}

export type BadgeServer = ReturnType<typeof createBadgeServer>;
