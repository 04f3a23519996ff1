/** @jsxRuntime automatic @jsxImportSource react */
import { type GroupNotice, groupHeadline } from "@port443/notice";
import { Heading, Link, Section, Text } from "@react-email/components";
import { kindCopy } from "../copy";
import { listedDomains } from "../group-copy";
import { Advice } from "./advice";
import { FindingList } from "./findings";
import { Layout } from "./layout";
import { Paragraphs } from "./paragraphs";
import { styles } from "./styles";

/**
 * One message for a group of domains that share a cause: what they share, the domains (the first
 * fifty, then a link to the filtered list), the shared detail and findings, and the fix.
 */
export function GroupAlert({ notice }: { notice: GroupNotice }) {
  const { listed, more } = listedDomains(notice);
  const headline = groupHeadline(notice);
  const heading = `${headline[0]!.toUpperCase()}${headline.slice(1)} share ${notice.group.cause}`;
  return (
    <Layout
      preview={`${headline}: ${notice.sample.title}`}
      team={notice.team.name}
      tone={notice.allRecovered ? "resolved" : notice.group.severity}
      heading={heading}
      href={notice.domainsUrl}
    >
      <Text style={{ ...styles.paragraph, fontWeight: 600 }}>{`For example: ${notice.sample.title}`}</Text>
      <Paragraphs text={notice.sample.detail} />
      <Section>
        <Heading as="h2" style={styles.subheading}>
          Domains
        </Heading>
        <ul style={{ paddingLeft: 20, margin: 0 }}>
          {listed.map((domain) => (
            <li key={domain.url} style={styles.paragraph}>
              <Link href={domain.url}>{`${domain.hostname}:${domain.port}`}</Link>
              {domain.recovered ? " – recovered" : domain.added && notice.type !== "opened" ? " – new" : ""}
            </li>
          ))}
        </ul>
        {more > 0 && (
          <Text style={styles.paragraph}>
            <Link href={notice.domainsUrl}>{`and ${more} more`}</Link>
          </Text>
        )}
      </Section>
      <FindingList findings={notice.sample.findings} />
      {!notice.allRecovered && <Advice {...kindCopy[notice.group.kind].advice} />}
    </Layout>
  );
}
