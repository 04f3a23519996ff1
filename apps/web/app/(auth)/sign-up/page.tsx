import { webEnv } from "@port443/config/web";
import type { Metadata } from "next";
import Link from "next/link";
import { safeNext } from "@/lib/safe-next";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

/** `next` (e.g. an invitation link) is where the confirmation link leads; onboarding otherwise. */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create your account</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        We will email you a link to confirm the address.
      </p>
      <SignUpForm next={safeNext(next, webEnv().PUBLIC_URL, "/onboarding")} />
      <p className="mt-6 text-center text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline dark:text-brand-500">
          Sign in
        </Link>
      </p>
    </>
  );
}
