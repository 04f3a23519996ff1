/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { kindCopy } from "../copy";
import { daysLeft } from "../format";
import type { AlertNotice } from "../notice";
import { Advice } from "./advice";
import { Facts, noticeFacts } from "./facts";
import { FindingList } from "./findings";
import { NoticeLayout } from "./layout";
import { Paragraphs } from "./paragraphs";
import { styles } from "./styles";

/** expiry and expired, and cert_changed: the certificate itself is the news. */
export function ExpiryAlert({ notice }: { notice: AlertNotice }) {
  const days = notice.certificate?.daysRemaining ?? null;
  return (
    <NoticeLayout notice={notice}>
      {days !== null && <Text style={styles.headline}>{daysLeft(days)}</Text>}
      <Paragraphs text={notice.detail} />
      <Facts facts={noticeFacts(notice)} />
      <FindingList findings={notice.findings} />
      <Advice {...kindCopy[notice.kind].advice} />
    </NoticeLayout>
  );
}
