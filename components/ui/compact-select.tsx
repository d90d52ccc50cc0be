"use client";

/** An option as a plain pair: its value and its words. */
export type CompactOption = [value: string, text: string];
export type CompactOptionGroup = { label: string; options: CompactOption[] };

/**
 * A `<select>` whose options arrive as plain pairs rather than as a server-rendered tree: the
 * period picker's 76–95 options, or the unit list's 97, were a sixth of a page's payload as
 * elements (issue 12). Renders the same markup: options, or options grouped under `<optgroup>`.
 */
export function CompactSelect({
  id,
  name,
  defaultValue,
  className,
  options = [],
  groups = [],
}: {
  id: string;
  name: string;
  defaultValue: string;
  className: string;
  options?: CompactOption[];
  groups?: CompactOptionGroup[];
}) {
  const list = (items: CompactOption[]) =>
    items.map(([value, text]) => (
      <option key={value} value={value}>
        {text}
      </option>
    ));
  return (
    <select id={id} name={name} defaultValue={defaultValue} className={className}>
      {list(options)}
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {list(g.options)}
        </optgroup>
      ))}
    </select>
  );
}
