"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { formatSignedPercent } from "@/lib/format";

type Point = Record<string, number | string | null>;

const vi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const en = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const viSigned = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2, signDisplay: "exceptZero" });
const enSigned = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, signDisplay: "exceptZero" });

/**
 * Monthly bars (this year against last) and the cumulative line against the target path. With
 * `growth` the bars are growth rates and read as the reports write them ("+3,22%"), axis included.
 */
export function IndicatorCharts({
  bars,
  lines,
  labels,
  locale,
  growth = false,
}: {
  bars: Point[];
  lines: Point[] | null;
  labels: { monthly: string; cumulative: string; thisYear: string; lastYear: string; path: string };
  locale: "vi" | "en";
  growth?: boolean;
}) {
  const nf = locale === "en" ? en : vi;
  const format = (v: unknown) => (typeof v === "number" ? nf.format(v) : String(v ?? "—"));
  const signed = locale === "en" ? enSigned : viSigned;
  const barTick = growth
    ? (v: unknown) => (typeof v === "number" ? `${signed.format(v)}%` : String(v))
    : format;
  const barValue = growth
    ? (v: unknown) => (typeof v === "number" ? formatSignedPercent(v, 2, locale) : "—")
    : format;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <figure className="rounded border border-slate-200 bg-white p-3" data-testid="chart-monthly">
        <figcaption className="mb-2 text-sm font-medium">{labels.monthly}</figcaption>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={bars}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" />
            <YAxis tickFormatter={barTick} width={70} />
            <Tooltip formatter={barValue} />
            <Legend />
            <Bar dataKey="lastYear" name={labels.lastYear} fill="#94a3b8" isAnimationActive={false} />
            <Bar dataKey="thisYear" name={labels.thisYear} fill="#1d4ed8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      {lines && (
        <figure className="rounded border border-slate-200 bg-white p-3" data-testid="chart-cumulative">
          <figcaption className="mb-2 text-sm font-medium">{labels.cumulative}</figcaption>
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={lines}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" />
              <YAxis tickFormatter={format} width={70} />
              <Tooltip formatter={format} />
              <Legend />
              <Line
                dataKey="path"
                name={labels.path}
                stroke="#94a3b8"
                strokeDasharray="5 4"
                dot={false}
                isAnimationActive={false}
              />
              <Line
                dataKey="cumulative"
                name={labels.thisYear}
                stroke="#1d4ed8"
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      )}
    </div>
  );
}
