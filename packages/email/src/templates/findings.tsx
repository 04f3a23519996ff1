/** @jsxRuntime automatic @jsxImportSource react */
import { Heading, Section, Text } from "@react-email/components";
import type { Finding } from "../notice";
import { Badge } from "./badge";
import { styles } from "./styles";

/** Each finding with its severity and how to fix it; nothing when there are none. */
export function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <Section>
      <Heading as="h2" style={styles.subheading}>
        Findings
      </Heading>
      {findings.map((finding) => (
        <Section key={finding.id} style={styles.item}>
          <Text style={styles.itemTitle}>
            <Badge tone={finding.severity} /> {finding.title}
          </Text>
          {finding.remediation && <Text style={styles.muted}>{finding.remediation}</Text>}
        </Section>
      ))}
    </Section>
  );
}
