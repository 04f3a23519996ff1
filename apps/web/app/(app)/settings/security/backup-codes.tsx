/** One-time backup codes, shown once: we keep only their hashes. */
export function BackupCodes({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-2">
      <p className="text-sm">
        Keep these backup codes somewhere safe, such as a password manager. Each signs you in once without
        your app. This is the only time they are shown.
      </p>
      <ol
        aria-label="Backup codes"
        data-testid="backup-codes"
        className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border border-slate-200 p-3 font-mono text-sm dark:border-slate-800"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </div>
  );
}
