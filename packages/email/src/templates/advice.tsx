/** @jsxRuntime automatic @jsxImportSource react */
import { Heading, Section } from "@react-email/components";
import { styles } from "./styles";

export function Advice({ heading, items }: { heading: string; items: string[] }) {
  return (
    <Section>
      <Heading as="h2" style={styles.subheading}>
        {heading}
      </Heading>
      <ul style={{ paddingLeft: 20, margin: 0 }}>
        {items.map((item) => (
          <li key={item} style={styles.paragraph}>
            {item}
          </li>
        ))}
      </ul>
    </Section>
  );
}
