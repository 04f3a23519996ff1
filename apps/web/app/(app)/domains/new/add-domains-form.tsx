"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { addDomainsAction } from "./actions";

export function AddDomainsForm() {
  const [state, action, pending] = useActionState(addDomainsAction, undefined);
  return (
    <form action={action} className="space-y-4">
      {state?.error ? (
        <Notice tone="error">
          <p>{state.error}</p>
          {state.lines?.length ? (
            <ul className="mt-2 list-disc pl-5">
              {state.lines.map((line) => (
                <li key={`${line.line}-${line.message}`}>
                  Line {line.line}: {line.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="domains" className="block text-sm font-medium">
          Domains
        </label>
        <textarea
          id="domains"
          name="domains"
          rows={8}
          required
          aria-describedby="domains-hint"
          placeholder={"shop.example.com\napi.example.com:8443"}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <p id="domains-hint" className="text-sm text-slate-600 dark:text-slate-400">
          One per line, host or host:port (443 by default); paste a CSV column or a list of URLs. Up to 5,000;
          if any line is invalid, nothing is added.
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor="csv" className="block text-sm font-medium">
          Or load a CSV or text file
        </label>
        <input
          id="csv"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          className="text-sm"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            const textarea = document.getElementById("domains") as HTMLTextAreaElement | null;
            // The first column of each row; a "host:port" or URL cell works like a typed line.
            if (file && textarea)
              textarea.value = (await file.text())
                .split(/\r?\n/)
                .map((row) =>
                  row
                    .split(/[,;\t]/)[0]!
                    .trim()
                    .replace(/^"|"$/g, ""),
                )
                .join("\n");
          }}
        />
      </div>
      <Field label="Tags" name="tags" placeholder="prod, eu" hint="Comma-separated, optional." />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add and scan"}
      </Button>
    </form>
  );
}
