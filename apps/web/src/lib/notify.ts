import { toast } from "sonner";

/** Toasts a server action's outcome: its error, or `success` when it went through. */
export function notifyResult(result: { error?: string } | undefined, success: string): boolean {
  if (result?.error) {
    toast.error(result.error);
    return false;
  }
  toast.success(success);
  return true;
}
