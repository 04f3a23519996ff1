import { RelativeTime } from "@/components/relative-time";

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A field's value in a line of text: strings as they are, lists joined, nothing as "–". */
function text(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (Array.isArray(value)) return value.length ? value.map(text).join(", ") : "none";
  if (typeof value === "object") return Object.values(value).map(text).join(" · ");
  return String(value);
}

/** A value as the dashboard shows it; a time (a mute's end, a key's expiry) relative, like every other. */
const Value = ({ value }: { value: unknown }) =>
  typeof value === "string" && isoTime.test(value) ? <RelativeTime at={value} /> : text(value);

type Fields = Record<string, unknown> | null;

/**
 * What an audit event changed, a field a line: "tags: web → prod, web" for an update (the old value
 * struck through, both marked as deleted and inserted for screen readers), the field's value alone
 * for something new or removed.
 */
export function Changes({ before, after }: { before: unknown; after: unknown }) {
  const was = before as Fields;
  const is = after as Fields;
  const keys = [...new Set([...Object.keys(was ?? {}), ...Object.keys(is ?? {})])];
  if (!keys.length) return <>–</>;
  return (
    <ul className="space-y-0.5">
      {keys.map((key) => (
        <li key={key}>
          <span className="text-slate-600 dark:text-slate-400">{key}:</span>{" "}
          {was && is ? (
            <>
              <del>
                <Value value={was[key]} />
              </del>{" "}
              <span aria-hidden="true">→</span>{" "}
              <ins className="no-underline">
                <Value value={is[key]} />
              </ins>
            </>
          ) : (
            <Value value={(is ?? was)?.[key]} />
          )}
        </li>
      ))}
    </ul>
  );
}
