import { useId } from "react";
import { intervalParts, intervalUnits } from "@/lib/interval";

const control =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/**
 * An interval as a number and a unit (minutes, hours, days), posted as `<name>` and
 * `<name>Unit` (the unit in seconds; see formInterval). Blank means "not set" where `optional`.
 */
export function IntervalField({
  label,
  name,
  seconds,
  unitSeconds = 3_600,
  hint,
  error,
  optional = false,
}: {
  label: string;
  name: string;
  /** The value shown, in seconds; null shows a blank field. */
  seconds: number | null;
  /** The unit a blank field starts with. */
  unitSeconds?: number;
  hint?: string;
  error?: string;
  optional?: boolean;
}) {
  const id = useId();
  const parts = seconds === null ? null : intervalParts(seconds);
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name={name}
          type="number"
          min={1}
          step="any"
          required={!optional}
          defaultValue={parts?.amount ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          className={`block w-28 ${control}`}
        />
        <label htmlFor={`${id}-unit`} className="sr-only">
          {label}, unit
        </label>
        <select
          id={`${id}-unit`}
          name={`${name}Unit`}
          defaultValue={parts?.unitSeconds ?? unitSeconds}
          className={control}
        >
          {parts?.unitSeconds === 1 ? <option value={1}>seconds</option> : null}
          {[...intervalUnits].reverse().map((unit) => (
            <option key={unit.seconds} value={unit.seconds}>
              {unit.unit}s
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
