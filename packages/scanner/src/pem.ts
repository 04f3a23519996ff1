const BEGIN = "-----BEGIN CERTIFICATE-----";
const END = "-----END CERTIFICATE-----";

/**
 * The DER of each PEM certificate block in `text`, found in one pass: a block runs from a BEGIN
 * line to the next END line, and anything around blocks is ignored. A lazy regex from BEGIN to
 * END rescanned the rest of the text from every BEGIN line, so a 256 KB paste of BEGIN lines
 * took seconds; here every character is looked at a bounded number of times.
 */
export function pemCertificates(text: string): Buffer[] {
  const ders: Buffer[] = [];
  let begin = text.indexOf(BEGIN);
  while (begin !== -1) {
    const end = text.indexOf(END, begin + BEGIN.length);
    if (end === -1) break;
    const body = text.slice(begin + BEGIN.length, end);
    // Markers inside the block (a BEGIN line repeated) are not base64.
    ders.push(Buffer.from(body.replace(/-----[^-]+-----|\s/g, ""), "base64"));
    begin = text.indexOf(BEGIN, end + END.length);
  }
  return ders;
}
