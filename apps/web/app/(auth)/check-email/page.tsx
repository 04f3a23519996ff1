import type { Metadata } from "next";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string }>;
}) {
  const { email } = await searchParams;
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Check your email</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        We sent a link to{" "}
        {email ? <strong className="text-slate-900 dark:text-slate-100">{email}</strong> : "your address"}.
        Follow it to confirm the address and continue; it works for one hour.
      </p>
    </>
  );
}
