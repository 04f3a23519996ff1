import { badges } from "@/server/badges";

export const dynamic = "force-dynamic";

/**
 * A domain's status badge, `/badges/<token>.svg`: public, no session (the unguessable token is
 * the permission), cached per the domain's watch interval with an ETag; 404 for any token that is
 * not a badge's now.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return badges().respond(request, (await params).file);
}
