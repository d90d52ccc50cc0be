import "server-only";
import fs from "node:fs";
import path from "node:path";
import { REPORT_CSS } from "@/components/reports/report-css";
import { ReportDocument } from "@/components/reports/report-document";
import type { ReportView } from "@/lib/report-view";
import { escapeHtml, renderStatic } from "@/lib/static-html";

/**
 * Tinos (Times New Roman's metrics, with Vietnamese glyphs) from @fontsource/tinos, inlined so the
 * PDF never depends on the fonts of the machine that prints it: Chromium embeds exactly these.
 */
const SUBSETS: [string, string][] = [
  [
    "latin",
    "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
  ],
  [
    "latin-ext",
    "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
  ],
  [
    "vietnamese",
    "U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB",
  ],
];

let fontCss: string | null = null;

function fontFaces(): string {
  if (fontCss) return fontCss;
  const dir = path.join(process.cwd(), "node_modules", "@fontsource", "tinos", "files");
  const faces: string[] = [];
  for (const [subset, range] of SUBSETS) {
    for (const weight of [400, 700]) {
      for (const style of ["normal", "italic"]) {
        const file = path.join(dir, `tinos-${subset}-${weight}-${style}.woff2`);
        const data = fs.readFileSync(file).toString("base64");
        faces.push(
          `@font-face{font-family:"Tinos";font-style:${style};font-weight:${weight};` +
            `src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${range};}`,
        );
      }
    }
  }
  fontCss = faces.join("\n");
  return fontCss;
}

/** The report as a standalone HTML page, fonts inlined: what Chromium prints to PDF. */
export function reportHtml(view: ReportView): string {
  const body = renderStatic(<ReportDocument view={view} />);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(view.summary)}</title><style>${fontFaces()}\n${REPORT_CSS}\nbody{margin:0}</style></head><body>${body}</body></html>`;
}
