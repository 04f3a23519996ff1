import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Reset your password</h1>
      <ForgotPasswordForm />
    </>
  );
}
