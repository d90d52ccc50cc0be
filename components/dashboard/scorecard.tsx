"use client";

import Link from "next/link";
import type { CSSProperties } from "react";
import type { Status } from "@/lib/attainment";
import { ProvisionalTag, type RowMarkTexts, SamePeriodReasonTag, StatusCell } from "./row-marks-client";

/** One indicator's line of the scorecard, its numbers already written the Vietnamese (or English) way. */
export type ScorecardItem = {
  code: string;
  name: string;
  /** `(%)`, `(tỷ đồng)`: after the name in the table. */
  unit: string;
  status?: Status;
  actual: string;
  estimate?: true;
  approximate?: true;
  yearToDate: string;
  growth: string;
  /** "bằng 104,05%" under the growth. */
  sameAs?: string;
  target: string;
  /** Share of plan and/or the gap in points, one per line. */
  attainment: string[];
  notes?: string;
  /** Its marks (why there is no status or comparison, what the status judged, months not approved): an index into `marks`. */
  marks: number;
};

export type ScorecardLabels = {
  indicator: string;
  actual: string;
  yearToDate: string;
  vsSamePeriod: string;
  target: string;
  attainment: string;
  status: string;
  estimate: string;
  approximate: string;
  /** "chưa duyệt" */
  notApproved: string;
  statuses: Record<Status | "none", string>;
};

/**
 * The dashboard's scorecard: a table on wider screens, the same rows as cards on phones (CSS in
 * globals.css, `.sc-cards`: one markup, not two). A client component given the rows as plain
 * strings, so that the page's payload carries them once (issue 12): a server-rendered table is sent
 * twice, as HTML and again as the React Server Components payload that describes it.
 */
export function Scorecard({
  items,
  marks,
  labels,
  query,
}: {
  /** Absent values are left out rather than sent as null or false: the payload is the page's size. */
  items: ScorecardItem[];
  /** The rows' marks, each distinct one once (row-mark-texts.ts `markTable`). */
  marks: RowMarkTexts[];
  labels: ScorecardLabels;
  /** The detail links' query string, `?province=…&period=…`. */
  query: string;
}) {
  // The phone cards' labels (globals.css, `.sc-cards`), once for the table rather than on every cell.
  const cardLabels = Object.fromEntries(
    (
      [
        [2, labels.actual],
        [4, labels.vsSamePeriod],
        [5, labels.target],
        [6, labels.attainment],
      ] as const
    ).map(([n, label]) => [`--label-${n}`, JSON.stringify(label)]),
  ) as CSSProperties;
  return (
    <div className="overflow-x-auto md:rounded md:border md:border-slate-200 md:bg-white">
      <table className="sc-table sc-cards" data-testid="scorecard" style={cardLabels}>
        <thead>
          <tr>
            <th>{labels.indicator}</th>
            <th className="r">{labels.actual}</th>
            <th className="r">{labels.yearToDate}</th>
            <th className="r">{labels.vsSamePeriod}</th>
            <th className="r">{labels.target}</th>
            <th className="r">{labels.attainment}</th>
            <th>{labels.status}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code} data-indicator={item.code}>
              <td>
                <Link href={`/indicators/${encodeURIComponent(item.code)}${query}`}>{item.name}</Link>
                <small>{item.unit}</small>
                <ProvisionalTag marks={marks[item.marks]} label={labels.notApproved} />
              </td>
              <td data-testid="actual">
                {item.actual}
                {item.estimate && <small>{`(${labels.estimate})`}</small>}
                {item.approximate && <small className="sc-warn">{`(${labels.approximate})`}</small>}
              </td>
              <td>{item.yearToDate}</td>
              <td data-testid="vs-same-period" title={item.notes}>
                {item.growth}
                {item.sameAs && <small className="block">{item.sameAs}</small>}
                <SamePeriodReasonTag marks={marks[item.marks]} />
              </td>
              <td>{item.target}</td>
              <td data-testid="attainment">
                {item.attainment.length === 0
                  ? "—"
                  : item.attainment.map((line) => <span key={line}>{line}</span>)}
              </td>
              <td data-testid="status">
                <StatusCell status={item.status} marks={marks[item.marks]} labels={labels.statuses} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
