"use client";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { PasskeyList } from "../../../(app)/settings/security/passkey-list";
import { TotpSetup } from "../../../(app)/settings/security/totp-setup";

/** Either second factor will do; then on to where the member was going. */
export function SetupSteps({ next }: { next: string }) {
  const router = useRouter();
  const done = () => {
    router.push(next as Route);
    router.refresh();
  };
  return (
    <div className="space-y-6">
      <section aria-labelledby="setup-passkey" className="space-y-2">
        <h2 id="setup-passkey" className="font-medium">
          A passkey
        </h2>
        <PasskeyList passkeys={[]} onAdded={done} />
      </section>
      <section aria-labelledby="setup-app" className="space-y-2">
        <h2 id="setup-app" className="font-medium">
          Or an authenticator app
        </h2>
        <TotpSetup onDone={done} />
      </section>
    </div>
  );
}
