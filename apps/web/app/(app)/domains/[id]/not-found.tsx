import Link from "next/link";

export default function DomainNotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-xl font-semibold">No such domain</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        It may have been deleted, or it belongs to another team.{" "}
        <Link href="/domains" className="underline">
          All domains
        </Link>
      </p>
    </div>
  );
}
