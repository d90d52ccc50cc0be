"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import {
  approveMonthAction,
  reopenMonthAction,
  returnMonthAction,
  submitMonthAction,
} from "@/app/(app)/entry/actions";
import { LockIcon } from "@/components/ui/lock-icon";
import { inLocale } from "@/lib/errors";
import { formatDateTime, type Locale } from "@/lib/format";
import type { Warning } from "@/lib/validation";
import type { Status } from "@/lib/workflow";

/** A figure changed since the month's previous submission, written for display. */
export type FigureChangeText = {
  key: string;
  indicator: string;
  what: string;
  before: string | null;
  after: string;
};

export type TimelineEntry = {
  action: string;
  toStatus: Status;
  reason: string | null;
  acknowledgements: { indicator: string; reason: string }[] | null;
  by: string | null;
  at: string;
};

const ACTIONS = {
  submit: submitMonthAction,
  approve: approveMonthAction,
  return: returnMonthAction,
  reopen: reopenMonthAction,
};

/** The month's status, its timeline, and the one or two things the person may do with it now. */
export function WorkflowPanel({
  provinceId,
  month,
  status,
  timeline,
  warnings,
  indicatorNames,
  allowed,
  locale,
  provinceName,
  monthLabel,
  changes,
}: {
  provinceId: string;
  month: string;
  status: Status;
  timeline: TimelineEntry[];
  warnings: Warning[];
  indicatorNames: Record<string, string>;
  allowed: { submit: boolean; approve: boolean; return: boolean; reopen: boolean };
  locale: Locale;
  provinceName: string;
  monthLabel: string;
  /** For a month submitted again: what changed since the previous submission (null: first submission). */
  changes: FigureChangeText[] | null;
}) {
  const t = useTranslations("workflow");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [reason, setReason] = useState("");
  const lastSubmit = [...timeline].reverse().find((h) => h.action === "submit");
  // Submitting again (after a return or a reopening) starts from the explanations given last time.
  const [explanations, setExplanations] = useState<Record<string, string>>(() =>
    Object.fromEntries((lastSubmit?.acknowledgements ?? []).map((a) => [a.indicator, a.reason])),
  );
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{
    ok: boolean;
    text: string;
    fields?: Record<string, string[]>;
  } | null>(null);
  const warned = [...new Set(warnings.map((w) => w.indicator))];
  const last = timeline.at(-1);

  const run = (action: keyof typeof ACTIONS) =>
    start(async () => {
      const acknowledge = warned
        .map((indicator) => ({ indicator, reason: explanations[indicator]?.trim() ?? "" }))
        .filter((a) => a.reason);
      const result = await ACTIONS[action](null, {
        provinceId,
        month,
        reason: reason.trim() || undefined,
        acknowledge: action === "submit" ? acknowledge : undefined,
      });
      setConfirming(false);
      if (result.ok) {
        setMessage({ ok: true, text: t("done") });
        setReason("");
        router.refresh();
      } else {
        const shown = inLocale(result.error, locale);
        setMessage({ ok: false, text: shown.message, fields: shown.fields });
      }
    });

  /** Returning and reopening both need a reason: the field and its button. */
  const reasonAction = (action: "return" | "reopen", tone: string) => (
    <>
      <input
        aria-label={`${t("reason")} (${t(action)})`}
        placeholder={t("reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className="min-w-64 rounded border border-slate-300 px-2 py-1"
      />
      <button
        type="button"
        disabled={pending}
        onClick={() => run(action)}
        className={`rounded border px-3 py-1.5 disabled:opacity-60 ${tone}`}
      >
        {t(action)}
      </button>
    </>
  );

  const canSubmit = allowed.submit && (status === "draft" || status === "returned");
  const canDecide = status === "submitted" && (allowed.approve || allowed.return);
  const canReopen = allowed.reopen && status === "approved";

  return (
    <section className="space-y-3 rounded border border-slate-200 bg-white p-4" data-testid="workflow-panel">
      <p>
        {t("status")}:{" "}
        <strong data-testid="month-status" data-status={status}>
          {t(status)}
        </strong>
      </p>
      {status === "approved" && last && (
        <p className="text-sm text-slate-700" data-testid="lock-reason">
          <LockIcon />{" "}
          {t("lockedApproved", { name: last.by ?? t("system"), at: formatDateTime(last.at, locale) })}
        </p>
      )}
      {status === "submitted" && (
        <p className="text-sm text-slate-700" data-testid="lock-reason">
          <LockIcon /> {t("lockedSubmitted")}
        </p>
      )}
      {status === "returned" && last?.reason && (
        <p className="text-sm text-amber-900" data-testid="return-reason">
          {t("returned")}: {last.reason}
        </p>
      )}

      {canSubmit && (
        <div className="space-y-2">
          <h3 className="font-medium">{t("warnings")}</h3>
          {warned.length === 0 && <p className="text-sm text-slate-600">{t("noWarnings")}</p>}
          {warned.length > 0 && lastSubmit?.acknowledgements?.length ? (
            <p className="text-xs text-slate-600" data-testid="explanations-kept">
              {t("explanationsKept")}
            </p>
          ) : null}
          {warned.map((indicator) => (
            <div key={indicator} className="text-sm" data-testid="warning-item" data-indicator={indicator}>
              <p className="font-medium">{indicatorNames[indicator] ?? indicator}</p>
              <ul className="text-amber-800">
                {warnings
                  .filter((w) => w.indicator === indicator)
                  .map((w) => (
                    <li key={w.code + w.message.en}>⚠ {locale === "en" ? w.message.en : w.message.vi}</li>
                  ))}
              </ul>
              <label className="block">
                <span className="text-xs text-slate-600">{t("explain")}</span>
                <input
                  aria-label={`${t("explain")} — ${indicatorNames[indicator] ?? indicator}`}
                  value={explanations[indicator] ?? ""}
                  onChange={(e) => setExplanations((x) => ({ ...x, [indicator]: e.target.value }))}
                  maxLength={2000}
                  className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1"
                />
              </label>
              {message?.fields?.[`acknowledge.${indicator}`] && (
                <p className="text-xs text-red-700">{message.fields[`acknowledge.${indicator}`][0]}</p>
              )}
            </div>
          ))}
          <button
            type="button"
            disabled={pending}
            onClick={() => run("submit")}
            className="rounded bg-brand-600 px-3 py-1.5 text-white disabled:opacity-60"
          >
            {t("submit")}
          </button>
        </div>
      )}

      {canDecide && (
        <div className="space-y-2">
          {lastSubmit?.acknowledgements && lastSubmit.acknowledgements.length > 0 && (
            <ul className="text-sm" data-testid="acknowledgements">
              {lastSubmit.acknowledgements.map((a) => (
                <li key={a.indicator}>
                  ⚠ <strong>{indicatorNames[a.indicator] ?? a.indicator}</strong>: {a.reason}
                </li>
              ))}
            </ul>
          )}
          {changes && (
            <div className="text-sm" data-testid="changes-since-submit">
              <h3 className="font-medium">{t("changesTitle")}</h3>
              {changes.length === 0 ? (
                <p className="text-slate-600">{t("noChanges")}</p>
              ) : (
                <ul className="mt-1 space-y-0.5">
                  {changes.map((c) => (
                    <li key={c.key} data-indicator={c.indicator}>
                      <strong>{indicatorNames[c.indicator] ?? c.indicator}</strong> — {c.what}:{" "}
                      <span className="num">
                        {c.before ?? t("newFigure")} → {c.after}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="flex flex-wrap items-end gap-2">
            {allowed.approve && !confirming && (
              <button
                type="button"
                disabled={pending}
                onClick={() => setConfirming(true)}
                className="rounded bg-emerald-700 px-3 py-1.5 text-white disabled:opacity-60"
              >
                {t("approve")}
              </button>
            )}
            {allowed.approve && confirming && (
              <div
                aria-live="polite"
                className="flex flex-wrap items-center gap-2 rounded border border-emerald-300 bg-emerald-50 p-2"
                data-testid="confirm-approve"
              >
                <span>{t("confirmApprove", { month: monthLabel, province: provinceName })}</span>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => run("approve")}
                  className="rounded bg-emerald-700 px-3 py-1.5 text-white disabled:opacity-60"
                >
                  {t("confirm")}
                </button>
                <button
                  type="button"
                  onClick={() => setConfirming(false)}
                  className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
                >
                  {t("cancel")}
                </button>
              </div>
            )}
            {allowed.return && reasonAction("return", "border-amber-600 text-amber-800")}
          </div>
        </div>
      )}

      {canReopen && (
        <div className="flex flex-wrap items-end gap-2">{reasonAction("reopen", "border-slate-400")}</div>
      )}

      <p
        aria-live="polite"
        className={`text-sm ${message?.ok ? "text-emerald-700" : "text-red-700"}`}
        data-testid="workflow-message"
      >
        {message?.text}
      </p>

      {timeline.length > 0 && (
        <details open={timeline.length <= 6}>
          <summary className="cursor-pointer text-sm font-medium">{t("timeline")}</summary>
          <ol className="mt-1 space-y-0.5 text-xs" data-testid="timeline">
            {timeline.map((h) => (
              <li key={`${h.at}-${h.action}`}>
                {formatDateTime(h.at, locale)} — {t(`actions.${h.action}` as "actions.submit")}{" "}
                {t("by", { name: h.by ?? t("system") })}
                {/* The seed's reason is in both languages; its action's label already says "demo data". */}
                {h.reason && h.action !== "seed" ? ` — ${h.reason}` : ""}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
