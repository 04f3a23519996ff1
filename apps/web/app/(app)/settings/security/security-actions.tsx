"use client";
import { useRouter } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { PasskeyList, type PasskeyRow } from "./passkey-list";
import { TotpManage } from "./totp-manage";
import { TotpSetup } from "./totp-setup";

/** The two kinds of second factor, each in its panel. */
export function SecurityActions({ appOn, passkeys }: { appOn: boolean; passkeys: PasskeyRow[] }) {
  const router = useRouter();
  return (
    <>
      <Panel id="authenticator-app" title="Authenticator app">
        {appOn ? <TotpManage /> : <TotpSetup onDone={() => router.refresh()} />}
      </Panel>
      <Panel id="passkeys" title="Passkeys">
        <PasskeyList passkeys={passkeys} />
      </Panel>
    </>
  );
}
