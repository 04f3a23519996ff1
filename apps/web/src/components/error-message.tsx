import { Button } from "./ui/button";

/** What a failed page says: our fault, try again, and the reference that finds it in the server log. */
export function ErrorMessage({ title, digest, reset }: { title: string; digest?: string; reset(): void }) {
  return (
    <>
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm">
        Something went wrong on our side. Try again; if it keeps failing, quote this reference:{" "}
        {digest ?? "n/a"}.
      </p>
      <Button onClick={reset}>Try again</Button>
    </>
  );
}
