"use server";
import { addDomain, addDomains, maxBulkDomains, ServiceError } from "@port443/services";
import { redirect } from "next/navigation";
import { requireTeam } from "@/server/session";

export interface AddDomainsState {
  error?: string;
  /** Problems by line number (1-based), as the user numbers them. */
  lines?: { line: number; message: string }[];
}

/** "host", "host:port" or "https://host/…", one per line; blank lines and #comments are skipped. */
function parseLines(text: string) {
  return text
    .split(/\r?\n/)
    .map((raw, index) => ({ raw: raw.trim(), line: index + 1 }))
    .filter(({ raw }) => raw && !raw.startsWith("#"))
    .map(({ raw, line }) => {
      const bare = raw.replace(/^https?:\/\//i, "").split(/[/\s,;]/)[0]!;
      const match = /^(.*?)(?::(\d{1,5}))?$/.exec(bare)!;
      return { line, hostname: match[1]!, port: match[2] ? Number(match[2]) : 443 };
    });
}

export async function addDomainsAction(
  _state: AddDomainsState | undefined,
  form: FormData,
): Promise<AddDomainsState> {
  const { ctx } = await requireTeam();
  const entries = parseLines(String(form.get("domains") ?? ""));
  const tags = String(form.get("tags") ?? "")
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (!entries.length) return { error: "Enter at least one domain." };
  if (entries.length > maxBulkDomains) return { error: `At most ${maxBulkDomains} domains at once.` };
  let target = "/domains";
  try {
    if (entries.length === 1) {
      const domain = await addDomain(ctx, { hostname: entries[0]!.hostname, port: entries[0]!.port, tags });
      target = `/domains/${domain.id}`;
    } else {
      await addDomains(ctx, { domains: entries.map(({ hostname, port }) => ({ hostname, port, tags })) });
    }
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.code === "forbidden") return { error: "Your role cannot add domains." };
    const lines = error.issues
      .filter((issue) => issue.path[0] === "domains" || entries.length === 1)
      .map((issue) => ({
        line: entries[entries.length === 1 ? 0 : Number(issue.path[1])]!.line,
        message: issue.message,
      }));
    return {
      error: entries.length === 1 ? error.message : `${error.message}.`,
      lines: entries.length === 1 ? [] : lines,
    };
  }
  redirect(target as "/domains");
}
