"use client";

import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { controlClass, Field } from "@/components/ui/field";
import { toLocale } from "@/i18n/locales";
import { inLocale } from "@/lib/errors";
import { saveDueRuleAction } from "./actions";

type Rule = { dueDay: number; monthsAfter: number; cutoffDay: number | null };

/**
 * One obligation's rule: national (no `provinces`), or a province's override (a province to pick,
 * and a box to remove its rule).
 */
export function RuleForm({
  kind,
  rule,
  provinces,
  testId,
}: {
  kind: string;
  rule: Rule;
  provinces?: { id: string; name: string }[];
  testId: string;
}) {
  const t = useTranslations("calendar");
  const locale = toLocale(useLocale());
  const [state, action, pending] = useActionState(saveDueRuleAction, null);
  const error = state && !state.ok ? inLocale(state.error, locale) : null;
  const id = (f: string) => `${testId}-${f}`;
  // Controlled, so what was typed stays when the server refuses it.
  const [values, setValues] = useState({
    kind,
    province: provinces?.[0]?.id ?? "",
    dueDay: String(rule.dueDay),
    monthsAfter: String(rule.monthsAfter),
    cutoffDay: rule.cutoffDay === null ? "" : String(rule.cutoffDay),
  });
  const bind = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return (
    <form
      // Submitted by hand, not as a form action: React resets a form after its action, and a
      // controlled select does not survive that reset (the province chosen would be lost).
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      noValidate
      className="flex flex-wrap items-end gap-2 text-sm"
      data-testid={testId}
    >
      {provinces ? (
        <Field id={id("kind")} label={t("kindLabel")}>
          {(control) => (
            <select {...control} {...bind("kind")} className={controlClass}>
              {["month", "quarter", "half", "year"].map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k as "month"}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <input type="hidden" name="kind" value={kind} />
      )}
      {provinces && (
        <Field id={id("province")} label={t("province")} error={error?.fields?.province}>
          {(control) => (
            <select {...control} {...bind("province")} className={controlClass}>
              {provinces.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={id("due")} label={t("dueDay")} error={error?.fields?.dueDay}>
        {(control) => (
          <input
            {...control}
            {...bind("dueDay")}
            type="number"
            min={1}
            max={31}
            className={`${controlClass} w-20`}
          />
        )}
      </Field>
      <Field id={id("after")} label={t("monthsAfter")} error={error?.fields?.monthsAfter}>
        {(control) => (
          <input
            {...control}
            {...bind("monthsAfter")}
            type="number"
            min={0}
            max={12}
            className={`${controlClass} w-20`}
          />
        )}
      </Field>
      <Field id={id("cutoff")} label={t("cutoffDay")} error={error?.fields?.cutoffDay}>
        {(control) => (
          <input
            {...control}
            {...bind("cutoffDay")}
            type="number"
            min={1}
            max={31}
            className={`${controlClass} w-20`}
          />
        )}
      </Field>
      {provinces && (
        <label className="flex items-center gap-1 pb-1">
          <input type="checkbox" name="remove" />
          {t("remove")}
        </label>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-600 px-3 py-1.5 text-white disabled:opacity-60"
      >
        {t("save")}
      </button>
      <span aria-live="polite" className="pb-1">
        {state?.ok && <span className="text-emerald-800">{t("saved")}</span>}
        {error && !error.fields && <span className="text-red-800">{error.message}</span>}
      </span>
    </form>
  );
}
