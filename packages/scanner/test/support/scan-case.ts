import type { Served } from "@port443/testing";
import { afterEach } from "vitest";
import type { ScanReport } from "../../src/report";
import type { ScanOptions } from "../../src/scan";
import { scan } from "../../src/scan";

/** Scans a local endpoint as `host` (the certificate's name), connecting to 127.0.0.1. */
export async function scanLocal(
  served: Served,
  options: Partial<ScanOptions> & { host?: string } = {},
): Promise<ScanReport> {
  return scan({ host: "leaf.test", address: "127.0.0.1", port: served.port, timeoutMs: 10_000, ...options });
}

export const findingIds = (report: ScanReport) => report.findings.map((finding) => finding.id);
export const severityOf = (report: ScanReport, id: string) =>
  report.findings.find((finding) => finding.id === id)?.severity;
export const detailOf = (report: ScanReport, id: string) =>
  report.findings.find((finding) => finding.id === id)?.detail;
export const capReasons = (report: ScanReport) =>
  report.gradeCaps.map((cap) => `${cap.grade}: ${cap.reason}`);

/**
 * `serve(startXServer(…))` for a test file: whatever a test starts is closed after that test.
 * Call once at the top of the file.
 */
export function closedAfterEach() {
  const open: Served[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((served) => served.close()));
  });
  return async <T extends Served>(server: Promise<T>): Promise<T> => {
    const served = await server;
    open.push(served);
    return served;
  };
}
