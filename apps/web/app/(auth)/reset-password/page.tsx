import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; error?: string }>;
}) {
  const { token, error } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Choose a new password</h1>
      {token && !error ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Notice tone="error">This reset link is invalid or has expired. Ask for a new one.</Notice>
      )}
    </>
  );
}
