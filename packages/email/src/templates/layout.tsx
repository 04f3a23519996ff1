/** @jsxRuntime automatic @jsxImportSource react */
import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { AlertNotice } from "../notice";
import { Badge } from "./badge";
import { type BadgeTone, styles } from "./styles";

export interface LayoutProps {
  /** The line mail clients show next to the subject. */
  preview: string;
  team: string;
  tone: BadgeTone;
  heading: string;
  /** Target of the "Open in Port443" button. */
  href: string;
  children: ReactNode;
}

/** The frame every email shares: brand line, badge, heading, body, dashboard button, footer. */
export function Layout({ preview, team, tone, heading, href, children }: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{`Port443 · ${team}`}</Text>
          <Text style={{ margin: 0 }}>
            <Badge tone={tone} />
          </Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Text style={styles.action}>
            <Button href={href} style={styles.button}>
              Open in Port443
            </Button>
          </Text>
          <Hr style={styles.rule} />
          <Text style={styles.footer}>
            {`You receive this email because ${team} monitors TLS endpoints with Port443. Recipients and thresholds are set in the team's alert policy.`}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** Layout filled in from one notice; `heading` overrides the notice title. */
export function NoticeLayout({
  notice,
  heading = notice.title,
  children,
}: {
  notice: AlertNotice;
  heading?: string;
  children: ReactNode;
}) {
  return (
    <Layout
      preview={notice.title}
      team={notice.team.name}
      tone={notice.event === "resolved" ? "resolved" : notice.severity}
      heading={heading}
      href={notice.domain.url}
    >
      {children}
    </Layout>
  );
}
