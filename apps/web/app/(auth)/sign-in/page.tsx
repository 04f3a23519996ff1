import { webEnv } from "@port443/config/web";
import type { Metadata } from "next";
import Link from "next/link";
import { safeNext } from "@/lib/safe-next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const target = safeNext(next, webEnv().PUBLIC_URL);
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Sign in to Port443</h1>
      <SignInForm next={target} />
      <p className="mt-6 text-center text-sm text-slate-600 dark:text-slate-400">
        New here?{" "}
        <Link
          href={next ? `/sign-up?next=${encodeURIComponent(target)}` : "/sign-up"}
          className="font-medium text-brand-700 hover:underline dark:text-brand-500"
        >
          Create an account
        </Link>
      </p>
    </>
  );
}
