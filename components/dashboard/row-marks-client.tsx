"use client";

import type { Status } from "@/lib/attainment";
import { STATUS_BADGE_CLASS, STATUS_STYLE } from "../ui/status-style";

/**
 * The marks of an attainment row, as plain strings for the client tables (scorecard, national
 * comparison): why there is no status or comparison, what the status judged, months not approved.
 * Written on the server by `rowMarkTexts` (row-mark-texts.ts); the server pages' own forms are in
 * row-marks.tsx, with the same test ids.
 */
export type RowMarkTexts = {
  /** Why there is no status, in words ("Chưa có chỉ tiêu"), and its code. */
  statusReason?: { code: string; text: string };
  /** "đánh giá theo lũy kế 10 tháng": what the status judged, when not the period shown. */
  judgedOn?: string;
  /** Why there is no comparison with the same period, in words, and its code. */
  samePeriodReason?: { code: string; text: string };
  /** The months not approved yet ("2026-10") and their words for the mark's title. */
  provisional?: { months: string; title: string };
};

/** The status badge (icon and word, or the reason there is none) and what it judged. */
export function StatusCell({
  status,
  marks,
  labels,
}: {
  status: Status | null | undefined;
  marks: RowMarkTexts;
  labels: Record<Status | "none", string>;
}) {
  const key = status ?? "none";
  const { icon, className } = STATUS_STYLE[key];
  const reason = status ? undefined : marks.statusReason;
  return (
    <>
      <span className={`${STATUS_BADGE_CLASS} ${className}`} data-status={key} data-reason={reason?.code}>
        <span aria-hidden="true">{icon}</span>
        {reason ? reason.text : labels[key]}
      </span>
      {marks.judgedOn && (
        <small className="block" data-testid="judged-on">
          {marks.judgedOn}
        </small>
      )}
    </>
  );
}

/** "chưa duyệt" beside a row built on months not approved yet. */
export function ProvisionalTag({ marks, label }: { marks: RowMarkTexts; label: string }) {
  const mark = marks.provisional;
  if (!mark) return null;
  return (
    <span className="tag-provisional" title={mark.title} data-testid="provisional" data-months={mark.months}>
      {label}
      <span className="sr-only"> ({mark.title})</span>
    </span>
  );
}

/** Why "vs the same period" is empty, in words. */
export function SamePeriodReasonTag({ marks }: { marks: RowMarkTexts }) {
  const reason = marks.samePeriodReason;
  if (!reason) return null;
  return (
    <small className="ml-auto block max-w-48" data-testid="same-period-reason" data-reason={reason.code}>
      {reason.text}
    </small>
  );
}
