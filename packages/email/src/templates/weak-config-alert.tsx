/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { kindCopy } from "../copy";
import { gradeChange } from "../format";
import type { AlertNotice } from "../notice";
import { Advice } from "./advice";
import { Facts, noticeFacts } from "./facts";
import { FindingList } from "./findings";
import { NoticeLayout } from "./layout";
import { Paragraphs } from "./paragraphs";
import { styles } from "./styles";

/** weak_config, grade_drop and trust: findings and what they did to the grade. */
export function WeakConfigAlert({ notice }: { notice: AlertNotice }) {
  const grade = gradeChange(notice.grade);
  return (
    <NoticeLayout notice={notice}>
      {grade && <Text style={styles.headline}>{`Grade ${grade}`}</Text>}
      <Paragraphs text={notice.detail} />
      <FindingList findings={notice.findings} />
      <Facts facts={noticeFacts(notice)} />
      <Advice {...kindCopy[notice.kind].advice} />
    </NoticeLayout>
  );
}
