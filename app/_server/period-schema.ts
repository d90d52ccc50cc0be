import { z } from "zod";
import { bilingual } from "@/lib/errors";
import { parsePeriod } from "@/lib/periods";

/** Any period the API names: `2024-02`, `2024-Q1`, `2024-YTD06`, `2024`. */
export const periodSchema = z
  .string()
  .refine(
    (p) => parsePeriod(p) !== null,
    bilingual(
      "Kỳ không hợp lệ (ví dụ 2024-02, 2024-Q1, 2024-YTD06, 2024).",
      "Invalid period (e.g. 2024-02, 2024-Q1, 2024-YTD06, 2024).",
    ),
  );
