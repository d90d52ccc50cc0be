import { SvgIcon } from "./svg-icon";

/** A padlock drawn as SVG: an emoji lock depends on the reader's fonts and shows as an empty box without them. */
export function LockIcon({ className = "inline h-4 w-4 align-[-2px]" }: { className?: string }) {
  return (
    <SvgIcon name="lock" className={className}>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" strokeLinecap="round" />
    </SvgIcon>
  );
}
