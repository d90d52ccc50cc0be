/**
 * An audit entry as a person reads it, on the page and in its CSV: the item by its name (the
 * indicator and the period, not `15-2025/TM.BLDV/2026-10/value`), and the before and after values
 * with the interface's field names and the Vietnamese way of writing numbers and dates ("Chỉ tiêu
 * tăng trưởng: trên +12,50%"), never JSON. Pure: the words come from the messages (`t`), the
 * names from the catalogue the caller read.
 */

import { formatAuditTime } from "./audit";
import { formatFigure, formatNumber, type Locale } from "./format";
import { parsePeriod, periodLabel } from "./periods";
import { targetAmount } from "./targets";
import { unitLabel } from "./units";

/** A next-intl translator over all messages (`t("vintage.estimate")`). */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

export type AuditIndicator = { nameVi: string; nameEn: string; unit: string; decimals: number; kind: string };

export type AuditEntryIn = {
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  targetUsername?: string | null;
};

export type AuditText = { target: string; before: string; after: string };

const SEPARATOR = " · ";

type Values = Record<string, unknown>;
const asValues = (v: unknown): Values | null =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Values) : null;

export function describeAuditEntry(
  entry: AuditEntryIn,
  t: Translate,
  lookups: { locale: Locale; indicators: ReadonlyMap<string, AuditIndicator> },
): AuditText {
  const { locale, indicators } = lookups;
  const word = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  const field = (name: string) => word(`accounts.audit.fields.${name}`, name);
  const label = (key: string) => {
    const p = parsePeriod(key);
    return p ? periodLabel(p, locale) : key;
  };
  const indicatorName = (code: string) => {
    const i = indicators.get(code);
    return i ? (locale === "en" ? i.nameEn : i.nameVi) : code;
  };
  const yesNo = (v: unknown) => word(`accounts.audit.values.${v ? "yes" : "no"}`, String(v));
  const date = (v: unknown) => {
    const d = typeof v === "string" || v instanceof Date ? new Date(v) : null;
    return d && !Number.isNaN(d.getTime()) ? formatAuditTime(d) : String(v);
  };
  const plain = (v: unknown): string =>
    v === null || v === undefined || v === ""
      ? word("accounts.audit.values.empty", "—")
      : typeof v === "number"
        ? formatNumber(v, Number.isInteger(v) ? 0 : 2, locale)
        : typeof v === "boolean"
          ? yesNo(v)
          : typeof v === "string"
            ? v
            : JSON.stringify(v);

  /** "Field: value · Field: value", the fields in the order given, those absent left out. */
  const line = (values: Values | null, show: Record<string, (v: unknown) => string | null>): string => {
    if (!values) return "";
    const parts: string[] = [];
    for (const [name, render] of Object.entries(show)) {
      if (!(name in values)) continue;
      const text = render(values[name]);
      if (text !== null) parts.push(`${field(name)}: ${text}`);
    }
    // Anything not foreseen is still shown, by its name, rather than lost.
    for (const [name, v] of Object.entries(values))
      if (!(name in show)) parts.push(`${field(name)}: ${plain(v)}`);
    return parts.join(SEPARATOR);
  };
  const both = (render: (values: Values | null) => string, target: string): AuditText => ({
    target,
    before: render(asValues(entry.before)),
    after: render(asValues(entry.after)),
  });

  switch (entry.entity) {
    case "figure": {
      const [, code, period, measure] = entry.entityId.split("/");
      const indicator = indicators.get(code);
      const amount = (v: unknown) => {
        if (typeof v !== "number") return plain(v);
        const unit = indicator && measure === "value" ? unitLabel(indicator.unit, locale) : undefined;
        return formatFigure(v, indicator ?? { kind: "flow", decimals: 2 }, measure, locale, unit);
      };
      const what = `${indicatorName(code)} — ${label(period ?? "")} (${word(`measure.${measure}`, measure)})`;
      return both(
        (v) =>
          line(v, {
            value: amount,
            vintage: (x) => word(`vintage.${x}`, plain(x)),
            note: (x) => (x ? plain(x) : null),
            version: plain,
          }),
        what,
      );
    }
    case "target": {
      const [, code, yearPart] = entry.entityId.split("/");
      const [year, quarter] = (yearPart ?? "").split("-");
      const indicator = indicators.get(code);
      const what = `${indicatorName(code)} — ${label(quarter ? `${year}-${quarter}` : (year ?? ""))}`;
      const target = (v: Values | null) => {
        if (!v || typeof v.value !== "number") return line(v, {});
        const bound =
          v.bound === "at_least"
            ? `${word("targets.atLeast", "≥")} `
            : v.bound === "at_most"
              ? `${word("targets.atMost", "≤")} `
              : "";
        const content = {
          basis: v.basis as "level" | "growth",
          value: v.value,
          valueMax: (v.valueMax ?? null) as number | null,
        };
        const amount = targetAmount(content, indicator?.decimals ?? 2, locale);
        const unit = content.basis === "level" && indicator ? ` ${unitLabel(indicator.unit, locale)}` : "";
        const head = `${field(content.basis === "growth" ? "growthTarget" : "levelTarget")}: ${bound}${amount}${unit}`;
        const { basis: _b, value: _v, valueMax: _m, bound: _bound, ...rest } = v;
        const tail = line(rest, {
          document: (x) => (x ? plain(x) : null),
          version: plain,
          copiedFrom: plain,
        });
        return tail ? `${head}${SEPARATOR}${tail}` : head;
      };
      return both(target, what);
    }
    case "period": {
      const month = entry.entityId.split("/")[1] ?? entry.entityId;
      return both(
        (v) =>
          line(v, {
            status: (x) => word(`workflow.${x}`, plain(x)),
            reason: (x) => (x ? plain(x) : null),
            acknowledgements: (x) =>
              Array.isArray(x) && x.length > 0
                ? x
                    .map(
                      (a: { indicator?: string; reason?: string }) =>
                        `${indicatorName(a.indicator ?? "")}: ${a.reason ?? ""}`,
                    )
                    .join("; ")
                : null,
          }),
        label(month),
      );
    }
    case "user":
      return both(
        (v) =>
          line(v, {
            username: plain,
            displayName: plain,
            role: (x) => word(`roles.${x}`, plain(x)),
            provinceId: plain,
            active: yesNo,
            mustChangePassword: yesNo,
          }),
        entry.targetUsername ?? `#${entry.entityId}`,
      );
    case "api_token":
      return both(
        (v) =>
          line(v, { name: plain, prefix: plain, userId: () => null, revokedAt: (x) => (x ? date(x) : null) }),
        `#${entry.entityId}`,
      );
    default:
      return both((v) => line(v, {}), entry.entityId === "seed" ? "" : entry.entityId);
  }
}
