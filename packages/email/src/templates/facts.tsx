/** @jsxRuntime automatic @jsxImportSource react */
import { formatDateTime } from "@port443/notice";
import { endpoint, expiryText } from "../format";
import type { AlertNotice } from "../notice";
import { styles } from "./styles";

/** A label and its value; facts whose value is unknown (null) are left out. */
export type Fact = [label: string, value: string | null];

/** What every alert states about the endpoint and the certificate it served. */
export function noticeFacts(notice: AlertNotice): Fact[] {
  const { certificate } = notice;
  return [
    ["Endpoint", endpoint(notice.domain)],
    ["Expires", expiryText(certificate)],
    ["Issuer", certificate?.issuer ?? null],
    ["Subject", certificate?.subject ?? null],
    ["Fingerprint", certificate?.fingerprint ?? null],
    [notice.event === "resolved" ? "Resolved" : "Detected", formatDateTime(notice.occurredAt)],
  ];
}

/**
 * Label/value rows. data-text-format="dataTable" makes the plain-text version an aligned
 * two-column list instead of one cell per line.
 */
export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <table data-text-format="dataTable" cellPadding={0} cellSpacing={0} role="presentation">
      <tbody>
        {facts.map(([label, value]) =>
          value === null ? null : (
            <tr key={label}>
              <td style={styles.factLabel}>{label}</td>
              <td style={styles.factValue}>{value}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
