import Link from "next/link";
import { ThemeToggle } from "@/components/theme-menu";
import { Button } from "@/components/ui/button";

const features = [
  {
    title: "Expiry alerts that arrive once",
    text: "Thresholds at 30, 14, 7, 3 and 1 days, one notice per certificate and threshold, a resolved notice when the renewal lands. No alert storms.",
  },
  {
    title: "Depth of a full TLS audit",
    text: "Chain building with AIA fetching, hostname checks, every protocol from SSLv2 to TLS 1.3, every accepted cipher suite, key exchange strength and an SSL Labs-style grade that explains itself.",
  },
  {
    title: "Every address, every chain",
    text: "Scan each IP behind a name and see where one load-balancer node still serves last year's certificate.",
  },
  {
    title: "Private CAs welcome",
    text: "Upload your internal CA bundle and monitor internal endpoints with the same care as public ones.",
  },
  {
    title: "Built for pipelines",
    text: "A REST API and the port443 CLI gate deploys on certificate lifetime, grade and findings.",
  },
  {
    title: "Email and webhooks",
    text: "Signed JSON webhooks, Slack-compatible messages and email digests for the whole team.",
  },
];

export default function LandingPage() {
  return (
    <main>
      <header className="mx-auto flex max-w-6xl items-center justify-between px-6 py-6">
        <span className="font-mono text-lg font-semibold tracking-tight">
          <span className="text-brand-600">:</span>443
        </span>
        <nav aria-label="Main" className="flex items-center gap-6 text-sm text-slate-600 dark:text-slate-300">
          <a href="/docs/api" className="hover:text-slate-900 dark:hover:text-white">
            API
          </a>
          <Link href="/sign-in" className="hover:text-slate-900 dark:hover:text-white">
            Sign in
          </Link>
          <Button asChild size="sm">
            <Link href="/sign-up">Get started</Link>
          </Button>
          <ThemeToggle />
        </nav>
      </header>

      <section className="mx-auto max-w-6xl px-6 pb-16 pt-12 sm:pt-20">
        <p className="mb-4 inline-flex rounded-full bg-brand-50 px-3 py-1 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-500">
          Certificate and TLS monitoring for teams
        </p>
        <h1 className="max-w-3xl text-4xl font-semibold tracking-tight sm:text-6xl">
          Know before your certificates hurt.
        </h1>
        <p className="mt-6 max-w-2xl text-lg text-slate-600 dark:text-slate-300">
          Port443 watches the TLS endpoints of every domain your team runs and tells you, before it matters,
          when a certificate will expire or a server is configured weakly, with the exact fix.
        </p>
        <pre className="mt-10 max-w-xl overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-sm text-slate-100">
          <code>{"$ pnpm -s port443 --help"}</code>
        </pre>
      </section>

      <section aria-labelledby="features" className="border-t border-slate-200 dark:border-slate-800">
        <div className="mx-auto max-w-6xl px-6 py-16">
          <h2 id="features" className="sr-only">
            Features
          </h2>
          <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
            {features.map((feature) => (
              <li key={feature.title}>
                <h3 className="font-medium">{feature.title}</h3>
                <p className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">{feature.text}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </main>
  );
}
