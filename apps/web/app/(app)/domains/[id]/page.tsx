import type { Certificate } from "@port443/db";
import {
  describeSpan,
  explainFindings,
  type IncompleteStep,
  protocols,
  type RenewalInfo,
  type Revocation,
  type VulnResult,
} from "@port443/scanner";
import {
  getDomain,
  getDomainAlertPolicy,
  getDomainHistory,
  getLatestScan,
  hasRole,
  ServiceError,
} from "@port443/services";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CipherMatrix } from "@/components/cipher-matrix";
import { DomainHistory } from "@/components/domain-history";
import { GradeBadge } from "@/components/grade-badge";
import { RelativeTime } from "@/components/relative-time";
import { SeverityBadge, severityStyles } from "@/components/severity";
import { Panel } from "@/components/ui/panel";
import { VulnerabilityChecks } from "@/components/vulnerability-checks";
import { daysLeftLabel, daysUntil } from "@/lib/format";
import { requireTeam } from "@/server/session";
import { AlertPolicySection } from "./alert-policy-section";
import { BadgeSection } from "./badge-section";
import { DomainActions } from "./domain-actions";
import { MonitoringSection } from "./monitoring-section";

export const metadata: Metadata = { title: "Domain" };

/** Revocation in words: the verdict, which mechanism decided, and CRLs that gave none. */
function revocationText(revocation: Revocation): string {
  const verdict =
    revocation.status === "unknown"
      ? "unknown: no CRL or OCSP verdict"
      : `${revocation.status} (${revocation.source === "crl" ? "CRL" : "OCSP"})`;
  const notes = revocation.crls
    .filter((check) => check.error || check.stale)
    .map((check) => (check.error ? check.error.message : `${check.url} is past its nextUpdate`));
  return [verdict, ...notes].join("; ");
}

function CertificateFacts({
  certificate,
  renewal,
  revocation,
}: {
  certificate: Certificate;
  renewal?: RenewalInfo | null;
  revocation?: Revocation;
}) {
  const lifetime = certificate.notAfter.getTime() - certificate.notBefore.getTime();
  const used = Math.min(1, Math.max(0, (Date.now() - certificate.notBefore.getTime()) / lifetime));
  const facts: [string, ReactNode][] = [
    ["Subject", certificate.subject],
    ["Names (SAN)", certificate.sans.join(", ") || "none"],
    ["Issuer", certificate.issuer],
    [
      "Valid",
      <>
        <RelativeTime at={certificate.notBefore} exact /> → <RelativeTime at={certificate.notAfter} exact />
      </>,
    ],
    ["Lifetime", describeSpan(lifetime)],
    ...(renewal
      ? ([
          [
            "Renewal due",
            renewal.tracked ? (
              <>
                <RelativeTime at={renewal.dueAt} /> (
                {renewal.source === "ari"
                  ? "the end of its CA's renewal window"
                  : "two thirds of its lifetime"}
                )
              </>
            ) : (
              "not tracked: valid over 200 days, so renewed by hand and warned by days left"
            ),
          ],
        ] as [string, ReactNode][])
      : []),
    ...(revocation ? ([["Revocation", revocationText(revocation)]] as [string, ReactNode][]) : []),
    ["Key", `${certificate.keyType} ${certificate.keyBits} bits`],
    ["Signature", certificate.signatureAlgorithm],
    ["SHA-256", certificate.fingerprintSha256],
    ["Serial", certificate.serialNumber],
  ];
  return (
    <div className="space-y-3">
      <div>
        <div className="mb-1 flex justify-between text-sm">
          <span>Validity</span>
          <span className="font-medium">{daysLeftLabel(certificate.notAfter)} left</span>
        </div>
        <div
          className="h-2 rounded bg-slate-200 dark:bg-slate-800"
          role="img"
          aria-label={`${Math.round(used * 100)}% of the validity used`}
        >
          <div
            className={`h-2 rounded ${daysUntil(certificate.notAfter) < 14 ? "bg-red-600" : "bg-brand-500"}`}
            style={{ width: `${used * 100}%` }}
          />
        </div>
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="break-all font-mono text-xs sm:text-sm">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export default async function DomainPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, role } = await requireTeam();
  const domain = await getDomain(ctx, { domainId: id }).catch((error) => {
    if (error instanceof ServiceError && (error.code === "not_found" || error.code === "validation"))
      notFound();
    throw error;
  });
  const scan = await getLatestScan(ctx, { domainId: id }).catch((error) => {
    if (error instanceof ServiceError && error.code === "not_found") return null;
    throw error;
  });
  const [history, alertPolicy] = await Promise.all([
    getDomainHistory(ctx, { domainId: id }),
    getDomainAlertPolicy(ctx, { domainId: id }),
  ]);
  const details = (scan?.details ?? {}) as {
    protocols?: Record<string, boolean>;
    ciphers?: Record<string, string[]>;
    gradeCaps?: { grade: string; reason: string }[];
    renewal?: RenewalInfo | null;
    revocation?: Revocation;
    incomplete?: IncompleteStep[];
    gradeProvisional?: boolean;
    vulnerabilities?: VulnResult[];
  };
  const findings = explainFindings(scan?.findings ?? []);
  const [leaf, ...chain] = scan?.certificates.map((entry) => entry.certificate) ?? [];

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-4">
        <GradeBadge grade={domain.grade} size="lg" />
        <div>
          <h1 className="text-2xl font-semibold">
            {domain.hostname}:{domain.port}
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {domain.status} · last scan <RelativeTime at={domain.lastScanAt} /> · next scan{" "}
            <RelativeTime at={domain.nextScanAt} never="not scheduled" />
            {domain.mutedUntil && domain.mutedUntil > new Date() ? (
              <>
                {" "}
                · muted until <RelativeTime at={domain.mutedUntil} exact />
              </>
            ) : null}
          </p>
        </div>
        <div className="ml-auto">
          {hasRole(role, "member") ? <DomainActions domainId={domain.id} hostname={domain.hostname} /> : null}
        </div>
      </div>

      {!scan ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm dark:border-slate-700">
          The first scan is on its way; this page fills in when it is done.
        </p>
      ) : scan.errorCode ? (
        <section className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950">
          <h2 className="font-medium">The last scan could not complete ({scan.errorCode})</h2>
          <p className="mt-1">{scan.errorMessage}</p>
        </section>
      ) : details.incomplete?.length ? (
        <section
          aria-labelledby="incomplete"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-900 dark:bg-amber-950"
        >
          <h2 id="incomplete" className="font-medium">
            {details.gradeProvisional
              ? "The grade is provisional: some steps of the last scan did not finish"
              : "Some steps of the last scan did not finish"}
          </h2>
          <p className="mt-1">What they would have shown is unknown, not "no":</p>
          <ul className="mt-1 list-disc pl-5">
            {details.incomplete.map((entry) => (
              <li key={entry.step}>
                <span className="font-mono">{entry.step}</span>: {entry.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {findings.length ? (
        <section aria-labelledby="findings" className="space-y-3">
          <h2 id="findings" className="text-lg font-medium">
            What is wrong and how to fix it
          </h2>
          <ul className="space-y-3">
            {findings.map((finding) => (
              <li
                key={finding.id}
                className={`rounded-lg border p-4 ${severityStyles[finding.severity].card}`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={finding.severity} />
                  <h3 className="font-medium">{finding.title}</h3>
                </div>
                {finding.detail ? <p className="mt-1 text-sm">{finding.detail}</p> : null}
                {finding.remediation ? (
                  <p className="mt-2 text-sm">
                    <strong>Fix: </strong>
                    {finding.remediation}
                  </p>
                ) : null}
                <p className="mt-1 font-mono text-xs text-slate-600 dark:text-slate-400">{finding.ruleId}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : scan && !scan.errorCode ? (
        <p className="text-sm text-emerald-800 dark:text-emerald-300">No findings: nothing to fix.</p>
      ) : null}

      {details.gradeCaps?.length ? (
        <section aria-labelledby="caps">
          <h2 id="caps" className="mb-2 text-lg font-medium">
            Why this grade
          </h2>
          <ul className="list-disc pl-5 text-sm">
            {details.gradeCaps.map((cap) => (
              <li key={cap.reason}>
                capped at {cap.grade}: {cap.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {leaf ? (
        <Panel id="certificate" title="Certificate">
          <CertificateFacts certificate={leaf} renewal={details.renewal} revocation={details.revocation} />
          {chain.length ? (
            <>
              <h3 className="mb-1 mt-4 font-medium">Chain</h3>
              <ol className="list-decimal pl-5 text-sm">
                {chain.map((certificate) => (
                  <li key={certificate.id}>
                    {certificate.subject} (until <RelativeTime at={certificate.notAfter} exact />)
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </Panel>
      ) : null}

      {details.protocols ? (
        <section aria-labelledby="protocols">
          <h2 id="protocols" className="mb-2 text-lg font-medium">
            Protocols
          </h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {protocols.map((protocol) => {
              const unknown = details.incomplete?.some((entry) => entry.step === `protocol.${protocol.id}`);
              const on = details.protocols?.[protocol.id];
              return (
                <li
                  key={protocol.id}
                  className={`rounded border px-2 py-1 ${unknown ? "border-amber-400 text-amber-800 dark:text-amber-300" : on ? "border-slate-400 font-medium" : "border-slate-200 text-slate-600 line-through dark:border-slate-800 dark:text-slate-400"}`}
                >
                  {protocol.label} {unknown ? "unknown" : on ? "on" : "off"}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {details.ciphers ? <CipherMatrix ciphers={details.ciphers} /> : null}
      {details.vulnerabilities?.length ? <VulnerabilityChecks results={details.vulnerabilities} /> : null}
      <MonitoringSection domain={domain} canEdit={hasRole(role, "member")} />
      <DomainHistory points={history.points} changes={history.changes} addresses={history.addresses} />
      <AlertPolicySection
        domainId={domain.id}
        policy={alertPolicy}
        certificate={leaf && details.renewal ? { notBefore: leaf.notBefore, renewal: details.renewal } : null}
        canEdit={hasRole(role, "admin")}
      />
      <BadgeSection domainId={domain.id} token={domain.badgeToken} canEdit={hasRole(role, "member")} />
    </div>
  );
}
