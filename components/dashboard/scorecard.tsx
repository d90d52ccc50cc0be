"use client";

import Link from "next/link";
import type { Status } from "@/lib/attainment";
import { STATUS_BADGE_CLASS, STATUS_STYLE } from "../ui/status-style";

/** One indicator's line of the scorecard, its numbers already written the Vietnamese (or English) way. */
export type ScorecardItem = {
  code: string;
  name: string;
  /** `(%)`, `(tỷ đồng)`: after the name in the table. */
  unit: string;
  /** The unit after the actual on a phone card ("" for an index). */
  cardUnit: string;
  href: string;
  status: Status | null;
  actual: string;
  estimate: boolean;
  approximate: boolean;
  yearToDate: string;
  growth: string;
  /** "bằng 104,05%" under the growth, or null. */
  sameAs: string | null;
  target: string;
  /** Share of plan and/or the gap in points, one per line. */
  attainment: string[];
  notes: string;
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
  statuses: Record<Status | "none", string>;
};

function Badge({ status, labels }: { status: Status | null; labels: ScorecardLabels }) {
  const key = status ?? "none";
  const { icon, className } = STATUS_STYLE[key];
  return (
    <span className={`${STATUS_BADGE_CLASS} ${className}`} data-status={key}>
      <span aria-hidden="true">{icon}</span>
      {labels.statuses[key]}
    </span>
  );
}

/**
 * The dashboard's scorecard: cards on phones, a table on wider screens. A client component given the
 * rows as plain strings, so that the page's payload carries them once (issue 12): a server-rendered
 * table is sent twice, as HTML and again as the React Server Components payload that describes it.
 */
export function Scorecard({ items, labels }: { items: ScorecardItem[]; labels: ScorecardLabels }) {
  return (
    <>
      {/* Phones: one card per indicator. */}
      <ul className="space-y-2 md:hidden" data-testid="scorecard-cards">
        {items.map((item) => (
          <li key={item.code} className="sc-card" data-indicator={item.code}>
            <div className="flex items-start justify-between gap-2">
              <Link href={item.href} className="font-medium hover:underline">
                {item.name}
              </Link>
              <Badge status={item.status} labels={labels} />
            </div>
            <dl>
              <dt>{labels.actual}</dt>
              <dd>
                {item.actual} {item.cardUnit}
                {item.estimate && <small> ({labels.estimate})</small>}
              </dd>
              <dt>{labels.vsSamePeriod}</dt>
              <dd>{item.growth}</dd>
              <dt>{labels.target}</dt>
              <dd>{item.target}</dd>
              <dt>{labels.attainment}</dt>
              <dd>{item.attainment[0] ?? "—"}</dd>
            </dl>
          </li>
        ))}
      </ul>

      {/* Wider screens: the scorecard as a table. */}
      <div className="hidden overflow-x-auto rounded border border-slate-200 bg-white md:block">
        <table className="sc-table" data-testid="scorecard">
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
                  <Link href={item.href} className="hover:underline">
                    {item.name}
                  </Link>
                  <small> {item.unit}</small>
                </td>
                <td className="r" data-testid="actual">
                  {item.actual}
                  {item.estimate && <small> ({labels.estimate})</small>}
                  {item.approximate && <small className="sc-warn"> ({labels.approximate})</small>}
                </td>
                <td className="r">{item.yearToDate}</td>
                <td className="r" data-testid="vs-same-period" title={item.notes || undefined}>
                  {item.growth}
                  {item.sameAs && <small className="block">{item.sameAs}</small>}
                </td>
                <td className="r">{item.target}</td>
                <td className="r" data-testid="attainment">
                  {item.attainment.map((line, i) => (
                    <span key={line} className={i > 0 ? "block" : undefined}>
                      {line}
                    </span>
                  ))}
                </td>
                <td>
                  <Badge status={item.status} labels={labels} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
