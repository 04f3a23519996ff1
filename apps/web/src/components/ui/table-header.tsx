/**
 * A data table's column headings, in the app's look. A column given as `{ hidden: "Actions" }`
 * is named for screen readers but shows nothing (a column of buttons).
 */
export function TableHeader({
  columns,
  padded = false,
  divided = false,
}: {
  columns: (string | { hidden: string })[];
  /** Horizontal cell padding, for tables inside a bordered card. */
  padded?: boolean;
  /** A rule under the headings. */
  divided?: boolean;
}) {
  return (
    <thead
      className={`text-slate-600 dark:text-slate-400 ${divided ? "border-b border-slate-200 dark:border-slate-800" : ""}`}
    >
      <tr>
        {columns.map((column) => (
          <th
            key={typeof column === "string" ? column : column.hidden}
            scope="col"
            className={`py-2 font-medium ${padded ? "px-4" : ""}`}
          >
            {typeof column === "string" ? column : <span className="sr-only">{column.hidden}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}
