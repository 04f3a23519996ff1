"use client";
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { type ReactNode, useId, useState } from "react";
import { Button, type ButtonVariant } from "./button";

/**
 * A destructive or far-reaching action behind a confirmation (Radix AlertDialog: focus moves in
 * and is trapped, Escape cancels, focus returns to the trigger). With `typeToConfirm`, the
 * confirm button stays disabled until that text is typed.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  variant = "danger",
  typeToConfirm,
  onConfirm,
}: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  typeToConfirm?: string;
  onConfirm(): Promise<void> | void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const inputId = useId();
  const blocked = pending || (typeToConfirm !== undefined && typed !== typeToConfirm);
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setTyped("");
      }}
    >
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-xl dark:border-slate-800 dark:bg-slate-900">
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-slate-600 dark:text-slate-300">
            {description}
          </AlertDialog.Description>
          {typeToConfirm !== undefined ? (
            <div className="space-y-1">
              <label htmlFor={inputId} className="block text-sm font-medium">
                Type <span className="font-mono">{typeToConfirm}</span> to confirm
              </label>
              <input
                id={inputId}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                autoComplete="off"
                className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950"
              />
            </div>
          ) : null}
          <div className="flex justify-end gap-3">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </AlertDialog.Cancel>
            <Button
              variant={variant}
              disabled={blocked}
              onClick={async () => {
                setPending(true);
                try {
                  await onConfirm();
                  setOpen(false);
                } finally {
                  setPending(false);
                }
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
