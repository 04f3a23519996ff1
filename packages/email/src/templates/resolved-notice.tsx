/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { kindCopy } from "../copy";
import type { AlertNotice } from "../notice";
import { Facts, noticeFacts } from "./facts";
import { FindingList } from "./findings";
import { NoticeLayout } from "./layout";
import { Paragraphs } from "./paragraphs";
import { styles } from "./styles";

/** Any kind, once resolved: what changed, and the endpoint as it is now. */
export function ResolvedNotice({ notice }: { notice: AlertNotice }) {
  return (
    <NoticeLayout notice={notice} heading={`Resolved: ${notice.title}`}>
      <Text style={{ ...styles.paragraph, fontSize: 16, fontWeight: 600 }}>
        {kindCopy[notice.kind].resolvedSummary(notice)}
      </Text>
      <Paragraphs text={notice.detail} />
      <Facts facts={noticeFacts(notice)} />
      <FindingList findings={notice.findings} />
    </NoticeLayout>
  );
}
