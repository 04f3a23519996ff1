/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { kindCopy } from "../copy";
import { plural } from "../format";
import type { AlertNotice } from "../notice";
import { Advice } from "./advice";
import { Facts, noticeFacts } from "./facts";
import { FindingList } from "./findings";
import { NoticeLayout } from "./layout";
import { Paragraphs } from "./paragraphs";
import { styles } from "./styles";

/** scan_failing: how long it has been failing and the last error; certificate facts are from the last good scan. */
export function FailingScanAlert({ notice }: { notice: AlertNotice }) {
  const { failures } = notice;
  return (
    <NoticeLayout notice={notice}>
      {failures && <Text style={styles.headline}>{`${plural(failures.count, "failed scan")} in a row`}</Text>}
      <Paragraphs text={notice.detail} />
      {failures?.lastError && (
        <>
          <Text style={styles.muted}>Last error</Text>
          <Text style={styles.code}>{failures.lastError}</Text>
        </>
      )}
      <Facts facts={noticeFacts(notice)} />
      <FindingList findings={notice.findings} />
      <Advice {...kindCopy[notice.kind].advice} />
    </NoticeLayout>
  );
}
