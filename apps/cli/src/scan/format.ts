import { type ProtocolId, protocols, type ScanReport, vulnerabilityNames } from "@port443/scanner";
import { gradeStyle, type Palette, severityStyle } from "./colors";

const targetLabel = (report: ScanReport) =>
  `${report.target.host}:${report.target.port}${report.target.ip && report.target.ip !== report.target.host ? ` (${report.target.ip})` : ""}`;

/** The human report for one target: grade, days left, chain, protocol matrix, findings with fixes. */
export function formatReport(report: ScanReport, c: Palette): string {
  const lines: string[] = [c.bold(targetLabel(report))];
  if (report.error) {
    lines.push(`  ${c.red("error")} ${report.error.code}: ${report.error.message}`, "");
    return lines.join("\n");
  }
  const cert = report.certificate;
  const grade = report.grade ?? "–";
  lines.push(
    `  Grade        ${c.bold(c[gradeStyle(report.grade)](grade))}${report.gradeProvisional ? c.yellow(" provisional: some steps did not finish") : ""}${report.score ? c.dim(`  (score ${report.score.total})`) : ""}`,
  );
  for (const cap of report.gradeCaps)
    lines.push(`               ${c.dim(`capped at ${cap.grade}: ${cap.reason}`)}`);
  if (cert) {
    const days = cert.daysRemaining;
    const daysStyle = days < 0 || days <= 7 ? "red" : days <= 30 ? "yellow" : "green";
    lines.push(
      `  Expires      ${cert.notAfter.slice(0, 10)}  ${c[daysStyle](days < 0 ? `expired ${-days} days ago` : `${days} days left`)}`,
      `  Subject      ${cert.subject}`,
      `  Names        ${cert.sans.join(", ") || c.dim("none")}`,
      `  Key          ${cert.keyType} ${cert.keyBits} bits, ${cert.signatureAlgorithm}`,
      `  Trusted      ${report.trusted ? c.green("yes") : c.red("no")}    Hostname ${report.hostnameMatches ? c.green("matches") : c.red("does not match")}`,
    );
  }
  const { renewal, revocation } = report;
  if (renewal) {
    const ari = renewal.ari;
    lines.push(
      `  Renewal      due ${renewal.dueAt.slice(0, 16).replace("T", " ")} UTC ${c.dim(
        renewal.source === "ari"
          ? `(the window ${ari?.directory} suggests)`
          : `(two thirds of a ${renewal.lifetimeDays}-day lifetime)`,
      )}`,
    );
    if (ari?.error) lines.push(`               ${c.dim(`ARI: ${ari.error}`)}`);
  }
  const revocationStyle =
    revocation.status === "revoked" ? "red" : revocation.status === "good" ? "green" : "yellow";
  lines.push(
    `  Revocation   ${c[revocationStyle](revocation.status)}${revocation.source ? c.dim(` (${revocation.source.toUpperCase()})`) : c.dim(" (no CRL or OCSP verdict)")}`,
  );
  lines.push("  Chain");
  report.chain.forEach((link, index) => {
    lines.push(
      `    ${index}  ${link.subject}  ${c.dim(`${link.keyType} ${link.keyBits}, until ${link.notAfter.slice(0, 10)}`)}`,
    );
  });
  const unknown = new Set(report.incomplete.map((entry) => entry.step));
  const matrix = protocols
    .map((protocol) => {
      if (unknown.has(`protocol.${protocol.id}`)) return c.yellow(`${protocol.label} ?`);
      const on = report.protocols[protocol.id as ProtocolId];
      const good = protocol.id === "tls1_2" || protocol.id === "tls1_3";
      return on ? c[good ? "green" : "red"](`${protocol.label} ✔`) : c.dim(`${protocol.label} ✘`);
    })
    .join("  ");
  lines.push(`  Protocols    ${matrix}`);
  const { negotiated } = report;
  if (negotiated.cipher) {
    lines.push(
      `  Negotiated   ${negotiated.protocol} ${negotiated.cipher}${negotiated.group ? ` ${negotiated.group}` : ""}${negotiated.alpn ? ` ALPN ${negotiated.alpn}` : ""}`,
    );
  }
  if (report.addresses.length > 1) {
    lines.push("  Addresses");
    for (const address of report.addresses) {
      lines.push(
        `    ${(address.ip ?? "(refused by the address policy)").padEnd(40)} ${address.error ? c.red(address.error.code) : `${address.grade ?? "–"}  ${address.fingerprintSha256?.slice(0, 16) ?? ""}`}`,
      );
    }
    const fingerprints = new Set(
      report.addresses.map((address) => address.fingerprintSha256).filter(Boolean),
    );
    if (fingerprints.size > 1) lines.push(`    ${c.yellow("the addresses serve different certificates")}`);
  }
  const probed = report.vulnerabilities.filter((result) => result.status !== "not_run");
  if (probed.length) {
    const marks = probed.map((result) => {
      const name = vulnerabilityNames[result.id] ?? result.id;
      if (result.status === "vulnerable") return c.red(`${name} ✘`);
      if (result.status === "incomplete") return c.yellow(`${name} ?`);
      return c.green(`${name} ✔`);
    });
    for (let row = 0; row < marks.length; row += 4)
      lines.push(`  ${row ? "            " : "Checked     "} ${marks.slice(row, row + 4).join("  ")}`);
  }
  if (report.incomplete.length) {
    lines.push("  Incomplete");
    for (const entry of report.incomplete)
      lines.push(`    ${c.yellow(entry.step.padEnd(20))} ${entry.reason}`);
  }
  if (report.findings.length) {
    lines.push("  Findings");
    for (const finding of report.findings) {
      lines.push(
        `    ${c[severityStyle[finding.severity]](finding.severity.toUpperCase().padEnd(8))} ${c.bold(finding.title)} ${c.dim(`[${finding.id}]`)}`,
        `             ${finding.detail}`,
        `             ${c.cyan("fix:")} ${finding.remediation}`,
      );
    }
  } else {
    lines.push(`  Findings     ${c.green("none")}`);
  }
  lines.push("");
  return lines.join("\n");
}

/** One line per target, for runs over many targets. */
export function formatSummary(reports: ScanReport[], c: Palette): string {
  const rows = reports.map((report) => {
    const worst = report.findings[0];
    return [
      targetLabel(report).padEnd(40),
      c[gradeStyle(report.grade)]((report.grade ?? "–").padEnd(3)),
      (report.certificate ? `${report.certificate.daysRemaining}d` : "–").padStart(6),
      report.error
        ? c.red(report.error.code)
        : worst
          ? c[severityStyle[worst.severity]](`${report.findings.length} findings, worst ${worst.severity}`)
          : c.green("no findings"),
    ].join("  ");
  });
  return [c.bold(`${"target".padEnd(40)}  grade  days  findings`), ...rows, ""].join("\n");
}
