"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

type Progress = { started: number; received: number; total: number | null } | null;

/**
 * Downloads a file the server renders (a PDF takes a second or two): the button says what is
 * happening — rendering, then receiving — with the seconds elapsed, and an error in the
 * person's language if it fails. The file is saved under the name the server gives.
 */
export function DownloadButton({ href, label, testId }: { href: string; label: string; testId: string }) {
  const t = useTranslations("reports");
  const locale = useLocale();
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState<string | null>(null);
  const [, tick] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearInterval(timer.current);
    },
    [],
  );

  const download = async () => {
    setError(null);
    const started = Date.now();
    setProgress({ started, received: 0, total: null });
    timer.current = setInterval(() => tick((n) => n + 1), 250);
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { message: string; messageEn: string };
        } | null;
        throw new Error(
          (locale === "en" ? body?.error?.messageEn : body?.error?.message) ?? t("downloadFailed"),
        );
      }
      const total = Number(response.headers.get("content-length")) || null;
      const reader = response.body?.getReader();
      const chunks: Uint8Array[] = [];
      let received = 0;
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.byteLength;
          setProgress({ started, received, total });
        }
      }
      const blob = new Blob(chunks as BlobPart[], {
        type: response.headers.get("content-type") ?? "application/octet-stream",
      });
      const disposition = response.headers.get("content-disposition") ?? "";
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? href.split("/").pop() ?? "report";
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : t("downloadFailed"));
    } finally {
      if (timer.current) clearInterval(timer.current);
      timer.current = null;
      setProgress(null);
    }
  };

  const seconds = progress ? Math.floor((Date.now() - progress.started) / 1000) : 0;
  const status = progress
    ? progress.received === 0
      ? t("rendering", { seconds })
      : progress.total
        ? t("receiving", { percent: Math.min(100, Math.round((progress.received / progress.total) * 100)) })
        : t("receivingBytes", { kb: Math.round(progress.received / 1024) })
    : null;
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        onClick={download}
        disabled={progress !== null}
        aria-busy={progress !== null}
        data-testid={testId}
        className="inline-flex items-center gap-2 rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:cursor-wait disabled:opacity-80"
      >
        {progress && (
          <span
            aria-hidden="true"
            className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent"
          />
        )}
        {label}
      </button>
      <span aria-live="polite" className="min-h-4 text-xs text-slate-600" data-testid={`${testId}-status`}>
        {status}
        {error && <span className="text-red-700">{error}</span>}
      </span>
    </span>
  );
}
