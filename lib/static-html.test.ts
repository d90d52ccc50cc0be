import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReportDocument } from "@/components/reports/report-document";
import { reportPeriods } from "./report-periods";
import { defaultSettings } from "./report-settings";
import { assembleReport } from "./report-view";
import { escapeHtml, renderStatic } from "./static-html";

describe("static HTML for the PDF", () => {
  it("renders the report document exactly as react-dom/server does", () => {
    const periods = reportPeriods("2026-10");
    if (!periods) throw new Error("no period");
    const view = assembleReport({
      province: { id: "15-2025", nameVi: "Tỉnh Lào Cai" },
      periods,
      indicators: [],
      rows: new Map(),
      stored: [
        {
          key: "added-1",
          section: "tasks",
          text: `Kiểm tra "thị trường" <xăng dầu> & khí, 'gas'`,
          base: null,
        },
      ],
      settings: { ...defaultSettings({ nameVi: "Tỉnh Lào Cai" }), validFrom: null, validTo: null },
      version: 1,
      issued: {
        number: 5,
        date: "2026-11-05",
        place: "Lào Cai",
        symbol: "BC-SCT",
        issuedAt: "",
        issuedBy: null,
      },
    });
    const element = createElement(ReportDocument, { view });
    const ours = renderStatic(element);
    expect(ours).toBe(renderToStaticMarkup(element));
    expect(ours).toContain("Kiểm tra &quot;thị trường&quot; &lt;xăng dầu&gt; &amp; khí, &#x27;gas&#x27;");
    expect(ours).toContain("Số: 05/BC-SCT");
    expect(ours).toContain("Lào Cai, ngày 05 tháng 11 năm 2026");
  });

  it("escapes text and attributes, drops empty attributes, writes void elements as React does", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
    const cell = createElement(
      "td",
      { rowSpan: 2, className: "a", "data-x": undefined, hidden: true },
      "1",
      2,
      null,
      false,
    );
    expect(renderStatic(cell)).toBe('<td rowSpan="2" class="a" hidden="">12</td>');
    expect(renderStatic(cell)).toBe(renderToStaticMarkup(cell));
    const rule = createElement("hr", { className: "r" });
    expect(renderStatic(rule)).toBe(renderToStaticMarkup(rule));
  });
});
