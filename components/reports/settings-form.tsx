"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { deleteSettingsAction, saveSettingsAction } from "@/app/(app)/reports/actions";
import { type ErrorBody, inLocale } from "@/lib/errors";
import { parseDayMonthYear } from "@/lib/report-periods";
import { listLines, type ReportSettingsContent } from "@/lib/report-settings";

export type SettingsFormValue = ReportSettingsContent & {
  id?: number;
  version?: number;
  validFrom: string;
  validTo: string | null;
};

type ActionError = ErrorBody["error"];

const TEXT_FIELDS = [
  "supervisingBody",
  "issuingBody",
  "place",
  "symbol",
  "signerAuthority",
  "signerTitle",
  "signerName",
  "draftingUnit",
] as const;

/**
 * One validity range of a province's report settings: the names the header prints, the signer,
 * the addressees and recipients (one a line), saved with the version read, or deleted.
 */
export function SettingsForm({
  provinceId,
  value,
  testId,
}: {
  provinceId: string;
  value: SettingsFormValue;
  testId: string;
}) {
  const t = useTranslations("reports.settings");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState(false);
  const message = (e: ActionError) => (locale === "en" ? e.messageEn : e.message);
  const fieldError = (name: string) =>
    error ? inLocale(error, locale === "en" ? "en" : "vi").fields?.[name]?.[0] : undefined;

  const submit = (form: FormData) => {
    const text = (name: string) => String(form.get(name) ?? "").trim();
    // Dates typed dd/mm/yyyy, as everywhere in the product.
    const validFrom = parseDayMonthYear(text("validFrom"));
    const validTo = text("validTo") === "" ? null : parseDayMonthYear(text("validTo"));
    const wrong = [
      ...(validFrom ? [] : ["validFrom"]),
      ...(validTo === null && text("validTo") !== "" ? ["validTo"] : []),
    ];
    if (wrong.length > 0) {
      const both = t("dateFormat");
      setSaved(false);
      setError({
        code: "invalid",
        message: "",
        messageEn: "",
        fields: Object.fromEntries(wrong.map((f) => [f, [both]])),
      });
      return;
    }
    start(async () => {
      const result = await saveSettingsAction(null, {
        provinceId,
        ...(value.id ? { id: value.id, version: value.version } : {}),
        validFrom: validFrom as string,
        validTo,
        ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(f)])),
        addressees: listLines(text("addressees")),
        recipients: listLines(text("recipients")),
      });
      if (result.ok) {
        setError(null);
        setSaved(true);
        router.refresh();
      } else {
        setSaved(false);
        setError(result.error);
      }
    });
  };

  const remove = () =>
    start(async () => {
      if (!value.id || !value.version) return;
      const result = await deleteSettingsAction(null, { provinceId, id: value.id, version: value.version });
      if (result.ok) router.refresh();
      else setError(result.error);
    });

  const dateText = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "");
  const input = (name: (typeof TEXT_FIELDS)[number] | "validFrom" | "validTo", date = false) => (
    <label className="flex flex-col gap-1 text-sm">
      <span>{t(`fields.${name}`)}</span>
      <input
        name={name}
        defaultValue={date ? dateText(value[name] as string | null) : ((value[name] as string | null) ?? "")}
        placeholder={date ? "dd/mm/yyyy" : undefined}
        inputMode={date ? "numeric" : undefined}
        required={
          name !== "validTo" && name !== "signerAuthority" && name !== "signerName" && name !== "draftingUnit"
        }
        aria-describedby={`${testId}-${name}-error`}
        className="rounded border border-slate-300 bg-white px-2 py-1"
        data-testid={`${testId}-${name}`}
      />
      <span id={`${testId}-${name}-error`} className="text-xs text-red-700">
        {fieldError(name)}
      </span>
    </label>
  );
  const list = (name: "addressees" | "recipients") => (
    <label className="flex flex-col gap-1 text-sm">
      <span>{t(`fields.${name}`)}</span>
      <textarea
        name={name}
        rows={4}
        defaultValue={value[name].join("\n")}
        className="rounded border border-slate-300 bg-white px-2 py-1"
        data-testid={`${testId}-${name}`}
      />
      <span className="text-xs text-slate-600">{t("oneALine")}</span>
    </label>
  );

  return (
    <form
      action={submit}
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
      data-testid={testId}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {input("validFrom", true)}
        {input("validTo", true)}
        {input("place")}
        {input("symbol")}
        {input("supervisingBody")}
        {input("issuingBody")}
        {input("signerAuthority")}
        {input("signerTitle")}
        {input("signerName")}
        {input("draftingUnit")}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {list("addressees")}
        {list("recipients")}
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-900 disabled:opacity-60"
          data-testid={`${testId}-save`}
        >
          {pending ? t("saving") : value.id ? t("save") : t("add")}
        </button>
        {value.id && (
          <button
            type="button"
            onClick={remove}
            disabled={pending}
            className="rounded border border-red-300 px-3 py-1 text-red-800 hover:bg-red-50"
          >
            {t("delete")}
          </button>
        )}
        {value.version && <span className="text-slate-600">{t("version", { version: value.version })}</span>}
        <span
          aria-live="polite"
          data-testid={`${testId}-message`}
          className={error ? "text-red-700" : "text-green-800"}
        >
          {error && !error.fields ? message(error) : error ? t("checkFields") : saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}
