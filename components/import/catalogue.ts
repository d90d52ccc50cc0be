import type { Measure } from "@/lib/sheet";

/**
 * What the import and the pasted-text pages know of each indicator, and the measures a person may
 * map a row or a figure to. In its own module so that /entry/text does not load the import flow.
 */
export type CatalogueEntry = { code: string; nameVi: string; nameEn: string; kind: string; decimals: number };

/** The measures a person may map a row or a figure to, by the indicator's kind (as the save path accepts). */
export const MEASURES_BY_KIND: Record<string, Measure[]> = {
  flow: ["value", "yoy_pct", "mom_pct"],
  count: ["value", "yoy_pct", "mom_pct"],
  stock: ["value", "yoy_pct", "mom_pct"],
  index: ["yoy_pct", "mom_pct", "level"],
  rate: ["value", "yoy_pct"],
};
