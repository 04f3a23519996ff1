import type { Grade, PrismaClient } from "@port443/db";

const DAY = 86_400_000;
const grades: Grade[] = ["A_PLUS", "A", "A", "A", "A_MINUS", "B", "C", "F", "T"];
const tags = [["prod"], ["prod", "eu"], ["staging"], ["prod", "us"], []];

/**
 * `count` domains for the team with realistic summaries: mostly A grades, a few failing or
 * critical, certificates expiring over the next 120 days (some expired), a few tags.
 */
export async function seedDomains(prisma: PrismaClient, teamId: string, count: number) {
  for (let offset = 0; offset < count; offset += 5_000) {
    const rows = Array.from({ length: Math.min(5_000, count - offset) }, (_, index) => {
      const n = offset + index;
      return {
        teamId,
        hostname: `host-${n.toString(36).padStart(4, "0")}.customer-${n % 97}.example`,
        port: 443,
        tags: tags[n % tags.length]!,
        status: n % 23 === 0 ? ("critical" as const) : n % 7 === 0 ? ("warning" as const) : ("ok" as const),
        grade: grades[n % grades.length]!,
        notAfter: new Date(Date.now() + ((n * 7919) % 120) * DAY - 5 * DAY),
        issuer: n % 3 ? "CN=R11, O=Let's Encrypt, C=US" : "CN=Sectigo RSA Domain Validation Secure Server CA",
        lastScanAt: new Date(Date.now() - (n % 360) * 60_000),
        nextScanAt: new Date(Date.now() + DAY),
      };
    });
    await prisma.domain.createMany({ data: rows });
  }
}

/** `perDomain` scans for each of the team's domains, spread over the past weeks, in SQL (fast). */
export async function seedScans(prisma: PrismaClient, teamId: string, perDomain: number) {
  await prisma.$executeRaw`
    INSERT INTO scans (id, team_id, domain_id, status, trigger, started_at, finished_at, outcome, grade, duration_ms, created_at)
    SELECT gen_random_uuid(), d.team_id, d.id, 'done', 'schedule', t, t + interval '1 second', 'success', d.grade, 900,
           t
    FROM domains d, generate_series(1, ${perDomain}) AS s(i),
         LATERAL (SELECT now() - (s.i * interval '6 hours') AS t) AS times
    WHERE d.team_id = ${teamId}::uuid`;
  await prisma.$executeRawUnsafe("ANALYZE domains");
  await prisma.$executeRawUnsafe("ANALYZE scans");
}
