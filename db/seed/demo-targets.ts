/**
 * The 2026 targets of the four demo successor provinces. Synthetic, like their monthly series: no
 * 2026 resolution of the merged provinces is in the article file, and without targets their 2026
 * dashboards would judge nothing. The values are set around each province's synthetic 2025 so
 * that the demo shows every status (met, on track, at risk); the document says they are synthetic.
 */
import type { NewTarget } from "../schema";

const DOCUMENT =
  "Nghị quyết HĐND tỉnh về kế hoạch phát triển kinh tế – xã hội năm 2026 (mô phỏng cho demo / synthetic)";

type Plan = {
  provinceId: string;
  /** IIP growth for the year and its quarterly scenario (kịch bản tăng trưởng), in %. */
  iip: number;
  iipQuarters: readonly [number, number, number, number];
  /** Output value, electricity generated and retail: growth on 2025, in %. */
  outputValue: { value: number; bound: "exact" | "at_least" };
  electricityGenerated: number;
  retail: number;
  /** Electricity sold (triệu kWh) and export-import (triệu USD): amounts for the year. */
  electricitySold: number;
  exportImport: number;
  /** Border villages to connect (border provinces only), and the range of cluster projects. */
  borderVillages: number | null;
  clusterProjects: readonly [number, number];
};

const PLANS: readonly Plan[] = [
  {
    provinceId: "08-2025", // Tuyên Quang
    iip: 6,
    iipQuarters: [5, 5.5, 6, 6.5],
    outputValue: { value: 7, bound: "exact" },
    electricityGenerated: 3,
    retail: 11,
    electricitySold: 1480,
    exportImport: 720,
    borderVillages: 10,
    clusterProjects: [6, 10],
  },
  {
    provinceId: "15-2025", // Lào Cai
    iip: 8,
    iipQuarters: [6.5, 7.5, 8.5, 9.5],
    outputValue: { value: 16, bound: "at_least" },
    electricityGenerated: 5,
    retail: 10,
    electricitySold: 4600,
    exportImport: 4200,
    borderVillages: 12,
    clusterProjects: [8, 12],
  },
  {
    provinceId: "19-2025", // Thái Nguyên
    iip: 6,
    iipQuarters: [5, 6, 6.5, 6.5],
    outputValue: { value: 8, bound: "exact" },
    electricityGenerated: 10,
    retail: 9,
    electricitySold: 1300,
    exportImport: 330,
    borderVillages: null,
    clusterProjects: [5, 8],
  },
  {
    provinceId: "25-2025", // Phú Thọ
    iip: 9,
    iipQuarters: [7, 8.5, 9.5, 10],
    outputValue: { value: 7.5, bound: "exact" },
    electricityGenerated: 4,
    retail: 10,
    electricitySold: 2700,
    exportImport: 600,
    borderVillages: null,
    clusterProjects: [6, 9],
  },
];

export const DEMO_TARGET_YEAR = 2026;

/** The targets as rows: the year's targets, and the IIP's quarterly scenarios. */
export function demoTargets(): NewTarget[] {
  return PLANS.flatMap((p) => {
    const row = (
      indicatorCode: string,
      basis: "level" | "growth",
      value: number,
      extra: Partial<NewTarget> = {},
    ): NewTarget => ({
      provinceId: p.provinceId,
      indicatorCode,
      year: DEMO_TARGET_YEAR,
      quarter: null,
      basis,
      value: String(value),
      valueMax: null,
      bound: "exact",
      document: DOCUMENT,
      ...extra,
    });
    return [
      row("CN.IIP", "growth", p.iip),
      ...p.iipQuarters.map((q, i) => row("CN.IIP", "growth", q, { quarter: i + 1 })),
      row("CN.GTSX", "growth", p.outputValue.value, { bound: p.outputValue.bound }),
      row("NL.DIEN_SX", "growth", p.electricityGenerated),
      row("NL.DIEN_TP", "level", p.electricitySold),
      row("TM.BLDV", "growth", p.retail),
      row("TM.XNK", "level", p.exportImport),
      ...(p.borderVillages === null ? [] : [row("NL.THON_DIEN", "level", p.borderVillages)]),
      row("DT.CCN_DA", "level", p.clusterProjects[0], { valueMax: String(p.clusterProjects[1]) }),
    ];
  });
}
