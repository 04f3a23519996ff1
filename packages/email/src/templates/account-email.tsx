/** @jsxRuntime automatic @jsxImportSource react */
import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { AccountCopy } from "../account";
import { styles } from "./styles";

/** Sign-in emails: one heading, one paragraph, one button, the link spelled out for copying. */
export function AccountEmailTemplate({ copy, url }: { copy: AccountCopy; url: string }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{copy.heading}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Port443</Text>
          <Heading as="h1" style={styles.heading}>
            {copy.heading}
          </Heading>
          <Text style={styles.paragraph}>{copy.body}</Text>
          <Text style={styles.action}>
            <Button href={url} style={styles.button}>
              {copy.button}
            </Button>
          </Text>
          <Text style={styles.muted}>Or open this address:</Text>
          <Text style={styles.code}>{url}</Text>
          <Hr style={styles.rule} />
          <Text style={styles.footer}>{copy.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
