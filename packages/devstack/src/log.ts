const dim = (text: string) => (process.stderr.isTTY ? `\x1b[2m${text}\x1b[0m` : text);

export function log(message: string): void {
  process.stderr.write(`${dim("[port443]")} ${message}\n`);
}
