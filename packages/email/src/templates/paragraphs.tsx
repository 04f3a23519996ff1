/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { styles } from "./styles";

/** Free text from the notice, one paragraph per line (HTML would collapse the line breaks). */
export function Paragraphs({ text }: { text: string }) {
  const lines = text.split("\n").filter((line) => line.trim());
  return lines.map((line, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: lines are static text and may repeat
    <Text key={index} style={styles.paragraph}>
      {line}
    </Text>
  ));
}
