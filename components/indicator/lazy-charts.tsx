"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { IndicatorCharts } from "./charts";

type Props = ComponentProps<typeof IndicatorCharts>;

/** The box a chart takes while the chart library loads: the same size, so nothing moves. */
function Placeholder({ lines }: { lines: boolean }) {
  const box = <div className="h-[302px] rounded border border-slate-200 bg-white" />;
  return (
    <div className="grid gap-4 lg:grid-cols-2" aria-busy="true">
      {box}
      {lines && box}
    </div>
  );
}

/**
 * The indicator's charts, with the chart library (recharts, about 110 KB gzip) loaded after the
 * page rather than in its first-load JavaScript (issue 12): the figures and tables show at once.
 */
const Charts = dynamic(() => import("./charts").then((m) => m.IndicatorCharts), {
  ssr: false,
  loading: () => <Placeholder lines />,
});

export function LazyIndicatorCharts(props: Props) {
  return <Charts {...props} />;
}
