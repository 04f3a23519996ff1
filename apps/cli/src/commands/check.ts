import { type Grade, grades, type ScanReport, type Severity, severities } from "@port443/scanner/report";
import type { CheckReason } from "@port443/services";
import { type Command, Option } from "commander";
import { runApiAction } from "../api/action";
import { type ApiFlags, apiOptions, connectApi } from "../api/client";
import { wholeNumber } from "../args";
import { gradeStyle, type Palette, paletteFor } from "../scan/colors";
import { formatTarget, parseTarget } from "../scan/targets";

interface CheckFlags extends ApiFlags {
  servername?: string;
  minDays?: number;
  minGrade?: Grade;
  failOn?: Severity;
  json?: boolean;
}

/** POST /api/v1/checks answers this (a failed policy is still a 200). */
interface CheckResult {
  passed: boolean;
  reasons: CheckReason[];
  report: ScanReport;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** One verdict line (PASS/FAIL, target, grade, expiry), then one line per reason it failed. */
function formatVerdict(result: CheckResult, c: Palette): string {
  const { report } = result;
  const parts = [
    `${result.passed ? c.bold(c.green("PASS")) : c.bold(c.red("FAIL"))} ${formatTarget(report.target)}`,
  ];
  if (report.error) parts.push(c.red(`scan failed: ${report.error.code}`));
  else parts.push(`grade ${c.bold(c[gradeStyle(report.grade)](report.grade ?? "–"))}`);
  const cert = report.certificate;
  if (cert) {
    const days = cert.daysRemaining;
    const style = days <= 7 ? "red" : days <= 30 ? "yellow" : "green";
    const validity =
      days < 0
        ? `certificate expired ${plural(-days, "day")} ago`
        : `certificate valid ${plural(days, "more day")}`;
    parts.push(`${c[style](validity)} ${c.dim(`(issuer ${cert.issuer})`)}`);
  }
  return [parts.join("  "), ...result.reasons.map((reason) => `  - ${reason.message}`), ""].join("\n");
}

export function registerCheck(program: Command): void {
  const command = program
    .command("check")
    .description(
      "deploy gate: the Port443 API scans host[:port] now; exit 0 when it meets the policy, 1 when not",
    )
    .argument("<target>", "host[:port] (port 443 by default)")
    .option(
      "--servername <name>",
      "SNI name and the name the certificate must cover (when target is an address)",
    )
    .option(
      "--min-days <n>",
      "fail when the certificate expires within n days (API default: 14)",
      wholeNumber(0, 3650),
    )
    .addOption(new Option("--min-grade <grade>", "fail below this grade").choices(grades))
    .addOption(
      new Option(
        "--fail-on <severity>",
        "fail on a finding this severe or worse (API default: high)",
      ).choices(severities),
    )
    .option("--json", "print the API's answer (verdict, reasons and full report) as one line of JSON");
  apiOptions(command).action((input: string, flags: CheckFlags) =>
    runApiAction(command, async () => {
      const target = parseTarget(input);
      const request = connectApi(flags);
      // Only what was asked for: the API fills in its own defaults, so they live in one place.
      const result = await request<CheckResult>("POST", "/checks", {
        host: target.host,
        port: target.port,
        servername: flags.servername,
        policy: { minDaysRemaining: flags.minDays, minGrade: flags.minGrade, failOn: flags.failOn },
      });
      process.stdout.write(
        flags.json ? `${JSON.stringify(result)}\n` : formatVerdict(result, paletteFor(process.stdout)),
      );
      return result.passed ? 0 : 1;
    }),
  );
}
