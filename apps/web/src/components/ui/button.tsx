import { Slot } from "@radix-ui/react-slot";
import type { ButtonHTMLAttributes } from "react";

const variants = {
  // brand-700 under white text: brand-600 gives 4.3:1, under WCAG AA's 4.5.
  primary: "bg-brand-700 text-white hover:brightness-90 disabled:bg-brand-700/60",
  secondary:
    "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-700/60",
  ghost: "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
} as const;

const sizes = { md: "px-4 py-2", sm: "px-2.5 py-1" } as const;

export type ButtonVariant = keyof typeof variants;

/**
 * The one button look. `asChild` lends it to a link (Radix Slot), so a navigation keeps its
 * anchor semantics while looking like an action.
 */
export function Button({
  variant = "primary",
  size = "md",
  asChild = false,
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: keyof typeof sizes;
  asChild?: boolean;
}) {
  const Component = asChild ? Slot : "button";
  return (
    <Component
      type={asChild ? undefined : "button"}
      className={`inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium transition-colors disabled:cursor-not-allowed ${sizes[size]} ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
