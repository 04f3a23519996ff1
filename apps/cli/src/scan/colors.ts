import { cliEnv } from "@port443/config/cli";
import type { Grade, Severity } from "@port443/scanner/report";

type Style = (text: string) => string;

const code =
  (open: number, close: number): Style =>
  (text) =>
    `\x1b[${open}m${text}\x1b[${close}m`;
const ansi = {
  bold: code(1, 22),
  dim: code(2, 22),
  red: code(31, 39),
  green: code(32, 39),
  yellow: code(33, 39),
  blue: code(34, 39),
  magenta: code(35, 39),
  cyan: code(36, 39),
};

export type Palette = Record<keyof typeof ansi, Style>;

/** Colours for a stream: only on a terminal, and never with NO_COLOR (FORCE_COLOR wins). */
export function paletteFor(stream: NodeJS.WriteStream): Palette {
  const env = cliEnv();
  const enabled = env.FORCE_COLOR
    ? env.FORCE_COLOR !== "0"
    : stream.isTTY === true && env.NO_COLOR === undefined;
  const plain: Style = (text) => text;
  return Object.fromEntries(
    Object.entries(ansi).map(([name, style]) => [name, enabled ? style : plain]),
  ) as Palette;
}

export const severityStyle: Record<Severity, keyof Palette> = {
  critical: "red",
  high: "red",
  medium: "yellow",
  low: "blue",
  info: "dim",
};

export const gradeStyle = (grade: Grade | null): keyof Palette =>
  grade === null
    ? "dim"
    : grade.startsWith("A")
      ? "green"
      : grade === "B" || grade === "C"
        ? "yellow"
        : "red";
