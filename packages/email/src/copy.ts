import { expiryText, plural, shortName } from "./format";
import type { AlertKind, AlertNotice } from "./notice";

interface KindCopy {
  /** Subject of an opened alert after "[severity] host:port – ". */
  opened(notice: AlertNotice): string;
  /** Subject of a resolved notice after "[resolved] host:port – ". */
  resolved(notice: AlertNotice): string;
  /** The sentence under a resolved notice's heading: what changed. */
  resolvedSummary(notice: AlertNotice): string;
  /** Shown in opened alerts. */
  advice: { heading: string; items: string[] };
}

const firstFinding = (notice: AlertNotice, fallback: string) => {
  const [first, ...rest] = notice.findings;
  if (!first) return fallback;
  return `${fallback}: ${first.title}${rest.length ? ` (+${rest.length} more)` : ""}`;
};

const renewed = (notice: AlertNotice) => {
  const expiry = expiryText(notice.certificate);
  return expiry
    ? `Renewed: the new certificate is valid until ${expiry}.`
    : "Renewed: a new certificate is served.";
};

const days = (notice: AlertNotice) => notice.certificate?.daysRemaining ?? null;

const renewAdvice = [
  "Renew the certificate with your CA or ACME client (certbot, cert-manager, Caddy, your load balancer's manager).",
  "Deploy it to every server behind this endpoint and reload them; a renewed file on disk is not served until the server reloads.",
  "Port443 resolves this alert by itself once a scan sees the new certificate.",
];

/** Per-kind wording; templates and subjects read it from here rather than branching on kind. */
export const kindCopy: Record<AlertKind, KindCopy> = {
  expiry: {
    opened: (notice) => {
      const left = days(notice);
      if (left === null) return "certificate expires soon";
      return left <= 0 ? "certificate expires today" : `certificate expires in ${plural(left, "day")}`;
    },
    resolved: () => "certificate renewed",
    resolvedSummary: renewed,
    advice: { heading: "What to do", items: renewAdvice },
  },
  expired: {
    opened: (notice) => {
      const left = days(notice);
      return left !== null && left < 0
        ? `certificate expired ${plural(-left, "day")} ago`
        : "certificate has expired";
    },
    resolved: () => "certificate renewed",
    resolvedSummary: renewed,
    advice: {
      heading: "What to do",
      items: [
        "Clients refuse this endpoint until a valid certificate is served.",
        ...renewAdvice,
        "Find out why automatic renewal did not happen (ACME challenge blocked, DNS change, expired credentials) so it does not happen again.",
      ],
    },
  },
  renewal_overdue: {
    opened: (notice) => {
      const left = days(notice);
      return left === null
        ? "certificate renewal is overdue"
        : `certificate renewal is overdue (expires in ${plural(Math.max(left, 0), "day")})`;
    },
    resolved: () => "certificate renewed",
    resolvedSummary: renewed,
    advice: {
      heading: "What to do",
      items: [
        "The certificate is still served past the point where your renewal automation replaces it, so that automation has probably stopped working.",
        "Check the ACME client's logs and schedule (certbot timer, cert-manager Certificate status, Caddy logs): a blocked challenge, a DNS change or expired credentials are the usual causes.",
        ...renewAdvice,
      ],
    },
  },
  early_renewal: {
    opened: () => "the CA asks for early renewal",
    resolved: () => "certificate renewed",
    resolvedSummary: renewed,
    advice: {
      heading: "What to do",
      items: [
        "The certificate authority announced through ACME Renewal Information that this certificate should be replaced before its usual renewal time, as CAs do ahead of a mass revocation.",
        "Renew now rather than waiting for the schedule; ACME clients with ARI support (certbot 2.8+, cert-manager 1.15+, Caddy, lego) do it by themselves.",
        ...renewAdvice,
      ],
    },
  },
  weak_config: {
    opened: (notice) => firstFinding(notice, "weak TLS configuration"),
    resolved: () => "TLS configuration fixed",
    resolvedSummary: () => "Fixed: the latest scan no longer reports these findings.",
    advice: {
      heading: "What to do",
      items: [
        "Apply the remediation listed under each finding, starting with the most severe.",
        "Reload the server and rescan from the dashboard to confirm the fix.",
      ],
    },
  },
  grade_drop: {
    opened: ({ grade }) =>
      grade?.previous && grade.current
        ? `grade dropped from ${grade.previous} to ${grade.current}`
        : "grade dropped",
    resolved: (notice) =>
      notice.grade?.current ? `grade back to ${notice.grade.current}` : "grade recovered",
    resolvedSummary: (notice) =>
      notice.grade?.current ? `Recovered: the endpoint grades ${notice.grade.current} again.` : "Recovered.",
    advice: {
      heading: "What to do",
      items: [
        "The findings below are what lowered the grade; fixing them restores it.",
        "A drop right after a deployment usually means a changed server or load-balancer TLS policy.",
      ],
    },
  },
  cert_changed: {
    opened: (notice) =>
      notice.certificate?.issuer
        ? `certificate changed, now issued by ${shortName(notice.certificate.issuer)}`
        : "certificate changed",
    resolved: () => "certificate change closed",
    resolvedSummary: () => "Closed: the certificate change was reviewed.",
    advice: {
      heading: "What to check",
      items: [
        "If you renewed the certificate or switched CA on purpose, there is nothing to do.",
        "If not, compare the issuer, subject and fingerprint with what you deployed: an unexpected certificate can mean a misrouted load balancer or a mis-issued certificate.",
      ],
    },
  },
  scan_failing: {
    opened: (notice) =>
      notice.failures ? `scans failing (${notice.failures.count} in a row)` : "scans failing",
    resolved: () => "scans succeeding again",
    resolvedSummary: () => "Recovered: the latest scan reached the endpoint and completed.",
    advice: {
      heading: "What it usually means",
      items: [
        "Connection refused or timed out: the server is down, or a firewall now blocks Port443's scanners.",
        "Name not resolved: the DNS record was removed or changed.",
        "Handshake failure: the port no longer speaks TLS, or the server rejects the hostname (SNI).",
        "Scans keep running on schedule; this alert resolves on the first successful scan.",
      ],
    },
  },
  trust: {
    opened: (notice) => firstFinding(notice, "certificate not trusted"),
    resolved: () => "certificate trusted again",
    resolvedSummary: () => "Fixed: the certificate chain validates again.",
    advice: {
      heading: "What to do",
      items: [
        "Serve the full chain: the leaf certificate followed by its intermediates.",
        "Check that the certificate covers this hostname and comes from a publicly trusted CA.",
      ],
    },
  },
};
