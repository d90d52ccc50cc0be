import "server-only";
import { z } from "zod";
import { bilingual } from "@/lib/errors";
import { BASES, BOUNDS } from "@/lib/targets";

/**
 * The shape of a target write, shared by the page's server actions and `PUT /targets`, so both
 * have one validation; the rules that need the catalogue (lib/targets.ts) run in saveTargets.
 */
export const targetWriteSchema = z.object({
  indicator: z.string().min(1).max(32),
  year: z.number().int().min(2000).max(2100),
  basis: z.enum(BASES),
  value: z.number().finite().gt(-1e15).lt(1e15),
  valueMax: z.number().finite().gt(-1e15).lt(1e15).nullish(),
  bound: z.enum(BOUNDS).optional(),
  quarter: z.number().int().min(1).max(4).nullish(),
  document: z.string().max(500).nullish(),
  version: z.number().int().positive().nullish(),
});
export const targetWritesSchema = z.array(targetWriteSchema).min(1).max(500);

/** A year in a query string or a form: four digits. */
export const yearParam = z
  .string()
  .regex(/^\d{4}$/, bilingual("Năm không hợp lệ (ví dụ 2024).", "Invalid year (e.g. 2024)."))
  .transform(Number);
