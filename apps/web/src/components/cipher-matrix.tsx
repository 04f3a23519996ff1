import { cipherSuiteByName, protocols } from "@port443/scanner";

/** Why a suite is weak, from the cipher-suite table; null when it is fine. */
function weakness(name: string): string | null {
  const suite = cipherSuiteByName(name);
  if (!suite) return null;
  if (suite.null || suite.anonymous || suite.export) return "broken";
  if (suite.bits < 128) return `${suite.bits}-bit`;
  if (!suite.forwardSecrecy) return "no forward secrecy";
  if (!suite.aead) return "CBC";
  return null;
}

/** Every accepted suite per protocol, in the server's order of preference, weak ones marked. */
export function CipherMatrix({ ciphers }: { ciphers: Record<string, string[]> }) {
  const enabled = protocols.filter((protocol) => ciphers[protocol.id]?.length);
  if (!enabled.length) return null;
  return (
    <section aria-labelledby="ciphers">
      <h2 id="ciphers" className="mb-2 text-lg font-medium">
        Cipher suites (server's order)
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        {enabled.map((protocol) => (
          <div key={protocol.id}>
            <h3 className="mb-1 text-sm font-medium">{protocol.label}</h3>
            <ol className="space-y-0.5 font-mono text-xs">
              {ciphers[protocol.id]!.map((name) => {
                const weak = weakness(name);
                return (
                  <li key={name} className={weak ? "text-orange-800 dark:text-orange-300" : ""}>
                    {name}
                    {weak ? <span className="ml-2 font-sans">({weak})</span> : null}
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
      </div>
    </section>
  );
}
