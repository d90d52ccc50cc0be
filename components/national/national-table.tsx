"use client";

import Link from "next/link";
import type { Status } from "@/lib/attainment";
import {
  ProvisionalTag,
  type RowMarkTexts,
  SamePeriodReasonTag,
  StatusCell,
} from "../dashboard/row-marks-client";

/** One province's line of the national comparison, its numbers already written out. */
export type NationalRow = {
  id: string;
  name: string;
  href: string;
  former: boolean;
  actual: string;
  growth: string;
  plan: string;
  status: Status | null;
  /** Its marks (why there is no status or comparison, what the status judged, months not approved): an index into `marks`. */
  marks: number;
};

/** A sortable column's header: its label, the link that sorts by it, and whether it is the sort now. */
export type NationalColumn = {
  key: string;
  label: string;
  href: string;
  sort: "ascending" | "descending" | "none";
  right: boolean;
};

/**
 * The national comparison's table. A client component given the rows as plain strings, so that the
 * page's payload carries them once rather than as HTML and again as a server-rendered tree (issue 12).
 */
export function NationalTable({
  rows,
  marks,
  columns,
  formerLabel,
  notApprovedLabel,
  statusLabels,
}: {
  rows: NationalRow[];
  /** The rows' marks, each distinct one once (row-mark-texts.ts `markTable`). */
  marks: RowMarkTexts[];
  columns: NationalColumn[];
  formerLabel: string;
  notApprovedLabel: string;
  statusLabels: Record<Status | "none", string>;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="sc-table" data-testid="national-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={c.right ? "r" : undefined} aria-sort={c.sort}>
                <Link href={c.href} data-testid={`sort-${c.key}`}>
                  {c.label}
                  {c.sort === "descending" ? " ↓" : c.sort === "ascending" ? " ↑" : ""}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-province={r.id}>
              <td>
                <Link href={r.href}>{r.name}</Link>
                {r.former && <small>{formerLabel}</small>}
                <ProvisionalTag marks={marks[r.marks]} label={notApprovedLabel} />
              </td>
              <td className="r">{r.actual}</td>
              <td className="r">
                {r.growth}
                <SamePeriodReasonTag marks={marks[r.marks]} />
              </td>
              <td className="r">{r.plan}</td>
              <td>
                <StatusCell status={r.status} marks={marks[r.marks]} labels={statusLabels} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
