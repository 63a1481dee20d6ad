import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";
const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-neutral-300 disabled:text-neutral-600",
  secondary: "bg-white text-neutral-900 border border-neutral-300 hover:bg-neutral-50 disabled:text-neutral-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-neutral-300",
  ghost: "text-brand-700 hover:bg-brand-50 disabled:text-neutral-400",
};
const BASE =
  "inline-flex items-center justify-center gap-2 rounded px-3 py-1.5 text-sm font-semibold transition-colors disabled:cursor-not-allowed";

export function buttonClass(variant: Variant = "primary", extra = ""): string {
  return `${BASE} ${VARIANTS[variant]} ${extra}`;
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
