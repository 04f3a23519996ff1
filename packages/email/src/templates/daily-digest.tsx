/** @jsxRuntime automatic @jsxImportSource react */
import { Heading, Link, Section, Text } from "@react-email/components";
import { endpoint, expiryText, plural } from "../format";
import { type AlertNotice, type DigestInput, severitiesDescending } from "../notice";
import { digestSummary } from "../subject";
import { Badge } from "./badge";
import { Layout } from "./layout";
import { styles } from "./styles";

function DigestRow({ notice }: { notice: AlertNotice }) {
  const expiry = expiryText(notice.certificate);
  const issuer = notice.certificate?.issuer;
  const facts = [expiry && `Expires ${expiry}`, issuer && `Issuer ${issuer}`].filter(Boolean).join(" · ");
  const findings = notice.findings.map((finding) => finding.title).join("; ");
  return (
    <Section style={styles.item}>
      <Text style={styles.itemTitle}>
        {notice.event === "resolved" && (
          <>
            <Badge tone="resolved" />{" "}
          </>
        )}
        <Link href={notice.domain.url}>{`${endpoint(notice.domain)} – ${notice.title}`}</Link>
      </Text>
      {facts && <Text style={styles.muted}>{facts}</Text>}
      {findings && <Text style={styles.muted}>{`Findings: ${findings}`}</Text>}
    </Section>
  );
}

/** One email a day per team: every notice of the day, most severe group first. */
export function DailyDigest({ team, date, dashboardUrl, notices }: DigestInput) {
  const summary = digestSummary(notices);
  return (
    <Layout
      preview={`${date}: ${summary}`}
      team={team.name}
      tone="digest"
      heading={`Daily digest for ${team.name}, ${date}`}
      href={dashboardUrl}
    >
      <Text style={styles.paragraph}>
        {notices.length ? `Summary: ${summary}.` : "No alerts were opened or resolved."}
      </Text>
      {severitiesDescending.map((severity) => {
        const group = notices.filter((notice) => notice.severity === severity);
        if (group.length === 0) return null;
        return (
          <Section key={severity}>
            <Heading as="h2" style={styles.subheading}>
              <Badge tone={severity} /> {`– ${plural(group.length, "alert")}`}
            </Heading>
            {group.map((notice, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notices carry no id, and the list is rendered once
              <DigestRow key={index} notice={notice} />
            ))}
          </Section>
        );
      })}
    </Layout>
  );
}
