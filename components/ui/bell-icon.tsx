import { SvgIcon } from "./svg-icon";

/** A bell drawn as SVG (an emoji bell shows as an empty box without the reader's emoji fonts). */
export function BellIcon({ className = "inline h-4 w-4 align-[-2px]" }: { className?: string }) {
  return (
    <SvgIcon name="bell" className={className}>
      <path d="M4 11V7a4 4 0 0 1 8 0v4l1 1.5H3L4 11Z" strokeLinejoin="round" />
      <path d="M6.5 14a1.5 1.5 0 0 0 3 0" strokeLinecap="round" />
    </SvgIcon>
  );
}
