import type { ReactNode } from "react";

/**
 * The frame of the app's drawn icons (an emoji shows as an empty box without the reader's emoji
 * fonts): a 16-unit stroked SVG, hidden from screen readers, named by `data-icon`.
 */
export function SvgIcon({
  name,
  className,
  children,
}: {
  name: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      className={className}
      aria-hidden="true"
      focusable="false"
      data-icon={name}
    >
      {children}
    </svg>
  );
}
