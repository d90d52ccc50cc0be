import type { ReactNode } from "react";

/** What a form control needs from its field: its id, and its hint and error tied to it for screen readers. */
export type ControlProps = {
  id: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
};

/** The look of a text input or select inside a field. */
export const controlClass = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1";

/**
 * One form field: the label, the control, an optional hint and the field's error, the hint and
 * the error tied to the control (`aria-describedby`, `aria-invalid`). The control is the caller's
 * (an input, a select), given the props that tie it: `{(control) => <input {...control} name="x" />}`.
 * No client state, so server pages (GET filter forms) and client forms use it alike.
 */
export function Field({
  id,
  label,
  hint,
  error,
  describedBy,
  className,
  labelClassName = "block text-sm",
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The field's messages, in the reader's language; nothing when the field is fine. */
  error?: string | readonly string[] | null;
  /** Another element that describes the control too, e.g. a form-wide message. */
  describedBy?: string;
  className?: string;
  labelClassName?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const messages = error == null ? [] : typeof error === "string" ? [error] : error;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = messages.length > 0 ? `${id}-error` : null;
  const described = [hintId, errorId, describedBy].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {children({ id, "aria-invalid": errorId ? true : undefined, "aria-describedby": described })}
      {hint && (
        <p id={hintId as string} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="mt-1 text-xs text-red-700" data-testid={errorId}>
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}
