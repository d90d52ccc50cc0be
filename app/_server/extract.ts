import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { currentFigures } from "@/db/queries/imports";
import { listProvinces } from "@/db/queries/reference";
import type { Province } from "@/db/schema";
import { extractFigures } from "@/lib/extract/extract";
import { shortProvinceName } from "@/lib/extract/names";
import { figureKey } from "@/lib/import/preview";
import { monthSchema } from "./month";

/** Figures read from a report's text for a province (issue 11): nothing is saved here. */

export const MAX_TEXT_LENGTH = 200_000;
export const extractBodySchema = z.object({
  text: z
    .string()
    .max(MAX_TEXT_LENGTH, `Tối đa ${MAX_TEXT_LENGTH} ký tự / at most ${MAX_TEXT_LENGTH} characters`),
  period: monthSchema,
});

export async function extractForProvince(db: DbOrTx, province: Province, text: string, period: string) {
  const own = shortProvinceName(province.nameVi);
  const others = [...new Set((await listProvinces(db)).map((p) => shortProvinceName(p.nameVi)))].filter(
    (n) => n !== own,
  );
  const result = extractFigures(text, { period, ownNames: [own], otherNames: others });
  const current = await currentFigures(
    db,
    province.id,
    result.figures.map((f) => f.period),
  );
  return {
    figures: result.figures.map((f) => {
      const now = current.get(figureKey(f)) ?? null;
      return { ...f, current: now && { value: now.value, version: now.version, vintage: now.vintage } };
    }),
    unmatched: result.unmatched,
  };
}
