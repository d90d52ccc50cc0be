import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { monthTemplate, templateFileName } from "@/app/_server/imports";
import { monthSchema } from "@/app/_server/month";
import type { Province } from "@/db/schema";

const input = z.object({ id: z.string().min(1).max(16), month: monthSchema });

/** The month's sheet as an Excel template, pre-filled with the saved figures and their versions. */
export const GET = apiRead(
  { input, permission: { action: "enter_figures", province: (i) => i.id } },
  async ({ db, user, input: { month }, province }) => {
    const p = province as Province;
    const bytes = await monthTemplate(db, p, month, user);
    const name = templateFileName(p, month);
    return new Response(Buffer.from(bytes), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "no-store",
      },
    });
  },
);
