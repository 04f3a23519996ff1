import type { GroupNotice } from "./index";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

const counts = (notice: GroupNotice) => {
  const recovered = notice.domains.filter((domain) => domain.recovered).length;
  const added = notice.domains.filter((domain) => domain.added && !domain.recovered).length;
  return { total: notice.domains.length, recovered, added };
};

/** The headline: "50 domains", "3 more domains", "12 of 16 domains recovered", "all 16 domains recovered". */
export function groupHeadline(notice: GroupNotice): string {
  const { total, recovered, added } = counts(notice);
  if (notice.allRecovered) return `all ${plural(total, "domain")} recovered`;
  if (notice.type === "opened") return plural(total, "domain");
  if (notice.type === "more") {
    const more = `${added} more ${added === 1 ? "domain" : "domains"}`;
    return recovered ? `${more}, ${recovered} of ${total} recovered` : more;
  }
  if (notice.type === "recovered") return `${recovered} of ${plural(total, "domain")} recovered`;
  return `still ${plural(total - recovered, "domain")}`;
}
