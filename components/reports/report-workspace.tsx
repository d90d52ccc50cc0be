"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { issueReportAction, saveReportAction } from "@/app/(app)/reports/actions";
import { type ErrorBody, inLocale } from "@/lib/errors";
import type { ParagraphChange, ViewParagraph, ViewSection } from "@/lib/report-edits";
import { parseDayMonthYear } from "@/lib/report-periods";
import type { ReportView } from "@/lib/report-view";
import { DownloadButton } from "./download-button";
import { ReportDocument } from "./report-document";

type Editing = { key?: string; section: string; text: string };
type Message = { ok: boolean; text: string; conflict?: boolean } | null;
type ActionError = ErrorBody["error"];

/**
 * The report on its page: downloads with progress, and for those who may, editing paragraphs in
 * place (saved with the version read; a stale save says so and offers a reload), putting the
 * generated text back, adding paragraphs, and issuing with a number and a date.
 */
export function ReportWorkspace({
  initial,
  provinceId,
  canWrite,
  canIssue,
  today,
}: {
  initial: ReportView;
  provinceId: string;
  canWrite: boolean;
  canIssue: boolean;
  today: string;
}) {
  const t = useTranslations("reports");
  const locale = useLocale();
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  useEffect(() => setView(initial), [initial]);

  const period = view.period;
  const editable = canWrite && !view.issued;
  const errorText = (e: ActionError) => (locale === "en" ? e.messageEn : e.message);
  const edited = view.sections.flatMap((s) => s.paragraphs).filter((p) => p.edited && p.generated);

  const save = (paragraphs: ParagraphChange[], reset?: string[] | "all") =>
    start(async () => {
      const result = await saveReportAction(null, {
        provinceId,
        period,
        version: view.version,
        paragraphs,
        reset,
      });
      if (result.ok) {
        setView(result.data);
        setEditing(null);
        setMessage({ ok: true, text: t("saved", { version: result.data.version }) });
      } else {
        setMessage({ ok: false, text: errorText(result.error), conflict: result.error.code === "conflict" });
      }
    });

  const paragraphSlot = (p: ViewParagraph, section: ViewSection) => {
    if (editing?.key === p.key)
      return <ParagraphForm editing={editing} setEditing={setEditing} save={save} pending={pending} />;
    return (
      <div className={p.edited ? "rd-edited" : undefined} data-edited={p.edited ? "true" : undefined}>
        <p className="rd-p" data-paragraph={p.key}>
          {p.text}
        </p>
        {editable && (
          <div className="rd-screen-only -mt-1 mb-2 flex flex-wrap items-center gap-3 font-sans text-xs text-slate-600">
            <button
              type="button"
              className="text-brand-700 hover:underline"
              onClick={() => setEditing({ key: p.key, section: section.key, text: p.text })}
              data-testid="edit-paragraph"
            >
              {t("edit")}
            </button>
            {p.edited && p.generated && (
              <button
                type="button"
                className="text-brand-700 hover:underline"
                onClick={() => save([], [p.key])}
                disabled={pending}
              >
                {t("useGenerated")}
              </button>
            )}
            {!p.generated && (
              <button
                type="button"
                className="text-red-700 hover:underline"
                onClick={() => save([{ key: p.key, text: "" }])}
                disabled={pending}
              >
                {t("remove")}
              </button>
            )}
            {p.edited && (
              <span className="text-amber-800">{p.generated ? t("editedMark") : t("addedMark")}</span>
            )}
            {p.stale && (
              <span
                className="text-amber-800"
                data-testid="stale-paragraph"
                title={p.generatedText ?? undefined}
              >
                {t("staleMark")}
              </span>
            )}
          </div>
        )}
      </div>
    );
  };

  const sectionEnd = (section: ViewSection) => {
    if (!editable || section.key === "results") return null;
    if (editing && editing.key === undefined && editing.section === section.key) {
      return <ParagraphForm editing={editing} setEditing={setEditing} save={save} pending={pending} />;
    }
    return (
      <button
        type="button"
        className="rd-screen-only mb-2 font-sans text-xs text-brand-700 hover:underline"
        onClick={() => setEditing({ section: section.key, text: "" })}
        data-testid={`add-paragraph-${section.key}`}
      >
        + {t("addParagraph")}
      </button>
    );
  };

  const file = (format: string) =>
    `/api/v1/provinces/${encodeURIComponent(provinceId)}/reports/${period}.${format}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-3 rounded border border-slate-200 bg-white p-3">
        <span className="self-center text-sm font-medium">{t("download")}</span>
        <DownloadButton href={file("pdf")} label="PDF" testId="download-pdf" />
        <DownloadButton href={file("docx")} label="Word (.docx)" testId="download-docx" />
        <DownloadButton href={file("xlsx")} label="Excel (.xlsx)" testId="download-xlsx" />
        {editable && (
          <div className="ml-auto flex flex-wrap items-center gap-2 text-sm">
            <button
              type="button"
              onClick={() => router.refresh()}
              className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100"
              title={t("refreshHelp")}
            >
              {t("refresh")}
            </button>
            {edited.length > 0 && (
              <button
                type="button"
                disabled={pending}
                onClick={() => {
                  if (window.confirm(t("regenerateConfirm", { count: edited.length }))) save([], "all");
                }}
                className="rounded border border-amber-600 px-3 py-1 text-amber-800 hover:bg-amber-50"
                data-testid="regenerate-all"
              >
                {t("regenerateAll", { count: edited.length })}
              </button>
            )}
          </div>
        )}
      </div>
      <p
        aria-live="polite"
        data-testid="report-message"
        className={`text-sm ${message?.ok ? "text-green-800" : "text-red-700"}`}
      >
        {message?.text}
        {message?.conflict && (
          <button type="button" className="ml-2 underline" onClick={() => window.location.reload()}>
            {t("reload")}
          </button>
        )}
      </p>
      {canIssue && !view.issued && (
        <IssueForm
          provinceId={provinceId}
          period={period}
          version={view.version}
          place={view.settings.place}
          today={today}
          onIssued={(v) => {
            setView(v);
            setMessage({ ok: true, text: t("issuedMessage") });
            router.refresh();
          }}
        />
      )}
      <ReportDocument view={view} slots={editable ? { paragraph: paragraphSlot, sectionEnd } : {}} />
    </div>
  );
}

function ParagraphForm({
  editing,
  setEditing,
  save,
  pending,
}: {
  editing: Editing;
  setEditing: (e: Editing | null) => void;
  save: (paragraphs: ParagraphChange[]) => void;
  pending: boolean;
}) {
  const t = useTranslations("reports");
  return (
    <form
      className="rd-screen-only mb-3 space-y-2 font-sans"
      onSubmit={(e) => {
        e.preventDefault();
        save([
          editing.key
            ? { key: editing.key, text: editing.text }
            : { section: editing.section, text: editing.text },
        ]);
      }}
    >
      <label className="sr-only" htmlFor="paragraph-text">
        {t("paragraphText")}
      </label>
      <textarea
        id="paragraph-text"
        value={editing.text}
        onChange={(e) => setEditing({ ...editing, text: e.target.value })}
        rows={Math.min(14, Math.max(4, Math.ceil(editing.text.length / 90)))}
        className="w-full rounded border border-slate-300 p-2 text-sm"
        data-testid="paragraph-text"
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this paragraph
        autoFocus
      />
      <div className="flex gap-2 text-sm">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-900 disabled:opacity-60"
          data-testid="save-paragraph"
        >
          {pending ? t("saving") : t("save")}
        </button>
        <button
          type="button"
          onClick={() => setEditing(null)}
          className="rounded border border-slate-300 px-3 py-1"
        >
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function IssueForm({
  provinceId,
  period,
  version,
  place,
  today,
  onIssued,
}: {
  provinceId: string;
  period: string;
  version: number;
  place: string;
  today: string;
  onIssued: (view: ReportView) => void;
}) {
  const t = useTranslations("reports");
  const locale = useLocale();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const fieldError = (name: string) =>
    error ? inLocale(error, locale === "en" ? "en" : "vi").fields?.[name]?.[0] : undefined;
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded border border-brand-600/30 bg-brand-50 p-3 text-sm"
      data-testid="issue-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const date = parseDayMonthYear(String(form.get("date") ?? ""));
        if (!date) {
          setError({
            code: "invalid",
            message: "",
            messageEn: "",
            fields: { date: [t("dateFormat")] },
          });
          return;
        }
        start(async () => {
          const result = await issueReportAction(null, {
            provinceId,
            period,
            version,
            number: Number(form.get("number")),
            date,
            place: String(form.get("place") ?? "").trim() || undefined,
          });
          if (result.ok) {
            setError(null);
            onIssued(result.data);
          } else setError(result.error);
        });
      }}
    >
      <p className="w-full font-medium">{t("issueTitle")}</p>
      <label className="flex flex-col gap-1">
        <span>{t("number")}</span>
        <input
          name="number"
          type="number"
          min={1}
          required
          className="w-24 rounded border border-slate-300 bg-white px-2 py-1"
          aria-describedby="issue-number-error"
          data-testid="issue-number"
        />
        <span id="issue-number-error" className="text-xs text-red-700">
          {fieldError("number")}
        </span>
      </label>
      <label className="flex flex-col gap-1">
        <span>{t("date")}</span>
        <input
          name="date"
          required
          defaultValue={today.split("-").reverse().join("/")}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          className="w-32 rounded border border-slate-300 bg-white px-2 py-1"
          aria-describedby="issue-date-error"
          data-testid="issue-date"
        />
        <span id="issue-date-error" className="text-xs text-red-700">
          {fieldError("date")}
        </span>
      </label>
      <label className="flex flex-col gap-1">
        <span>{t("place")}</span>
        <input
          name="place"
          defaultValue={place}
          className="w-40 rounded border border-slate-300 bg-white px-2 py-1"
        />
        <span className="text-xs"> </span>
      </label>
      <div className="flex flex-col gap-1">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-900 disabled:opacity-60"
          data-testid="issue-submit"
        >
          {pending ? t("issuing") : t("issue")}
        </button>
        <span className="text-xs"> </span>
      </div>
      <p className="w-full text-xs text-slate-600">{t("issueHelp")}</p>
      {error && !error.fields && (
        <p className="w-full text-red-700" aria-live="polite" data-testid="issue-error">
          {locale === "en" ? error.messageEn : error.message}
        </p>
      )}
    </form>
  );
}
