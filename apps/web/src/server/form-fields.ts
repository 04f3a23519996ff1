/** A comma- or space-separated form field as a list ("30, 14 7" → ["30", "14", "7"]). */
export function formList(form: FormData, name: string): string[] {
  return String(form.get(name) ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** An optional field: blank means "not set" (null), anything else is kept as typed. */
export function formOptional(form: FormData, name: string): string | null {
  const value = String(form.get(name) ?? "").trim();
  return value === "" ? null : value;
}
