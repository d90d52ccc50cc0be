/**
 * Renders a tree of plain React elements (intrinsic tags and function components without hooks)
 * to an HTML string. The report's PDF is printed from the same component the page shows
 * (components/reports/report-document.tsx), but route handlers and server actions run in Next's
 * React Server Components layer, where `react-dom/server` refuses to load; the report component is
 * static markup, so this small serializer is all that is needed there. Pure, no I/O.
 */
import type { ReactElement, ReactNode } from "react";

const ELEMENT = Symbol.for("react.transitional.element");
const LEGACY_ELEMENT = Symbol.for("react.element");
const FRAGMENT = Symbol.for("react.fragment");

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/** React prop names whose HTML attribute is spelled differently (others, like rowSpan, are written as React writes them). */
const ATTRIBUTE: Record<string, string> = { className: "class", htmlFor: "for" };

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#x27" }[c]};`,
  );
}

function attributes(props: Record<string, unknown>): string {
  let out = "";
  for (const [name, value] of Object.entries(props)) {
    if (name === "children" || name === "key" || name === "ref" || name === "dangerouslySetInnerHTML")
      continue;
    if (value === undefined || value === null || value === false || typeof value === "function") continue;
    if (name === "style") throw new Error("static-html: style objects are not supported; use a class");
    const attr = ATTRIBUTE[name] ?? name;
    out += ` ${attr}="${value === true ? "" : escapeHtml(String(value))}"`;
  }
  return out;
}

function isElement(node: unknown): node is ReactElement<Record<string, unknown>> {
  const t = (node as { $$typeof?: symbol } | null)?.$$typeof;
  return t === ELEMENT || t === LEGACY_ELEMENT;
}

export function renderStatic(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeHtml(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) return node.map(renderStatic).join("");
  if (!isElement(node)) throw new Error("static-html: only elements, text and arrays can be rendered");
  const { type, props } = node;
  if ((type as unknown) === FRAGMENT) return renderStatic(props.children as ReactNode);
  if (typeof type === "function") {
    return renderStatic((type as (p: Record<string, unknown>) => ReactNode)(props));
  }
  if (typeof type !== "string") throw new Error("static-html: unsupported element type");
  const open = `<${type}${attributes(props)}>`;
  if (VOID.has(type)) return `${open.slice(0, -1)}/>`;
  return `${open}${renderStatic(props.children as ReactNode)}</${type}>`;
}
