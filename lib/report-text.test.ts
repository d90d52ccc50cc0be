import { describe, expect, it } from "vitest";
import { type AttainmentInput, computeAttainment, type FigureInput, type TargetInput } from "./attainment";
import { reportPeriods } from "./report-periods";
import { type ReportIndicator, type RowSet, writeReport } from "./report-text";

/** Rows from the engine itself, as the report gets them: figures and targets in, a row out. */
function row(
  indicator: ReportIndicator,
  period: string,
  figures: FigureInput[],
  targets: TargetInput[] = [],
) {
  const input: AttainmentInput = {
    indicator: {
      code: indicator.code,
      kind: indicator.kind,
      direction: "up",
      decimals: indicator.decimals,
      unit: indicator.unit,
    },
    period,
    figures,
    targets,
  };
  return computeAttainment(input);
}

const XNK: ReportIndicator = {
  code: "TM.XNK",
  parentCode: null,
  nameVi: "Tổng giá trị hàng hóa xuất nhập khẩu",
  unit: "triệu USD",
  kind: "flow",
  decimals: 2,
  frequency: "month",
  sortOrder: 1,
};
const XK: ReportIndicator = {
  ...XNK,
  code: "TM.XNK.XK",
  parentCode: "TM.XNK",
  nameVi: "Kim ngạch xuất khẩu",
  sortOrder: 2,
};
const IIP: ReportIndicator = {
  code: "CN.IIP",
  parentCode: null,
  nameVi: "Chỉ số sản xuất công nghiệp (IIP) toàn ngành",
  unit: "%",
  kind: "index",
  decimals: 2,
  frequency: "month",
  sortOrder: 0,
};
const VA: ReportIndicator = {
  ...IIP,
  code: "CN.VA",
  nameVi: "Tăng trưởng giá trị tăng thêm",
  kind: "rate",
  frequency: "quarter",
};
const PROJECTS: ReportIndicator = {
  code: "DT.CCN_DA",
  parentCode: null,
  nameVi: "Số dự án thứ cấp",
  unit: "dự án",
  kind: "count",
  decimals: 0,
  frequency: "month",
  sortOrder: 5,
};

const level = (value: number, valueMax: number | null = null): TargetInput => ({
  basis: "level",
  value,
  valueMax,
  bound: "exact",
  quarter: null,
});
const growth = (value: number, quarter: number | null = null): TargetInput => ({
  basis: "growth",
  value,
  valueMax: null,
  bound: "exact",
  quarter,
});
const fig = (
  period: string,
  value: number,
  vintage: FigureInput["vintage"] = "official",
  measure: FigureInput["measure"] = "value",
): FigureInput => ({
  period,
  measure,
  value,
  vintage,
});

function text(periodKey: string, indicators: ReportIndicator[], rows: Record<string, RowSet>): string {
  const periods = reportPeriods(periodKey);
  if (!periods) throw new Error(periodKey);
  return writeReport(periods, indicators, new Map(Object.entries(rows)))
    .flatMap((s) => [s.title, ...s.paragraphs.map((p) => p.text)])
    .join("\n");
}

describe("an amount's paragraph", () => {
  // Lào Cai's first half of 2023, with a June and a May to go with it.
  const figures = [
    fig("2023-YTD06", 945.04, "estimate"),
    fig("2022-YTD06", 1037.82),
    fig("2023-06", 149.21, "estimate"),
    fig("2023-05", 168.08),
    fig("2022-06", 173.64),
  ];
  const rows = {
    "TM.XNK": {
      current: row(XNK, "2023-06", figures, [level(5000)]),
      toDate: row(XNK, "2023-YTD06", figures, [level(5000)]),
    },
  };
  const written = text("2023-YTD06", [XNK], rows);

  it("says the period, then the year to date with 'tính chung', 'ước' for an estimate, a fall as 'bằng Y%'", () => {
    expect(written).toContain(
      "Tổng kim ngạch xuất nhập khẩu tháng 6/2023 ước đạt 149,21 triệu USD, giảm 11,23% so với tháng trước, bằng 85,93% so với cùng kỳ năm trước; tính chung 6 tháng đầu năm 2023 ước đạt 945,04 triệu USD, bằng 91,06% so với cùng kỳ năm trước, đạt 18,90% kế hoạch năm (5.000 triệu USD).",
    );
  });

  it("says what the remaining months need when the engine judges the year at risk", () => {
    expect(rows["TM.XNK"].toDate.status).toBe("at_risk");
    expect(written).toContain(
      "Để hoàn thành kế hoạch năm, các tháng còn lại cần đạt bình quân 675,83 triệu USD/tháng",
    );
  });

  it("writes a rise as growth, an official figure without 'ước', a plan exceeded as 'vượt'", () => {
    const up = [fig("2024", 5200), fig("2023", 4800)];
    const t = text("2024", [XNK], {
      "TM.XNK": { current: row(XNK, "2024", up, [level(5000)]), toDate: null },
    });
    expect(t).toContain(
      "Tổng kim ngạch xuất nhập khẩu năm 2024 đạt 5.200,00 triệu USD, tăng 8,33% so với cùng kỳ năm trước, vượt 4,00% kế hoạch năm (5.000 triệu USD).",
    );
    expect(t).not.toMatch(/(^|\s)ước\s/);
    expect(t).not.toContain("Để hoàn thành");
  });

  it("adds the breakdown with 'Trong đó' for the period's own figures", () => {
    const t = text("2023-06", [XNK, XK], {
      "TM.XNK": { current: row(XNK, "2023-06", figures), toDate: row(XNK, "2023-YTD06", figures) },
      "TM.XNK.XK": {
        current: row(XK, "2023-06", [fig("2023-06", 60.5, "preliminary"), fig("2022-06", 55)]),
        toDate: null,
      },
    });
    expect(t).toContain(
      "Trong đó, tháng 6/2023: kim ngạch xuất khẩu sơ bộ đạt 60,50 triệu USD, tăng 10,00% so với cùng kỳ năm trước.",
    );
  });

  it("says 'chưa có số liệu' with the plan for a monthly indicator with a target and no figures", () => {
    const t = text("2024-03", [XNK], {
      "TM.XNK": {
        current: row(XNK, "2024-03", [], [level(400, 600)]),
        toDate: row(XNK, "2024-YTD03", [], [level(400, 600)]),
      },
    });
    expect(t).toContain(
      "Tổng kim ngạch xuất nhập khẩu tháng 3/2024: chưa có số liệu (kế hoạch năm: 400–600 triệu USD).",
    );
  });

  it("gives no percentages for a count of nothing", () => {
    const counts = [fig("2024-02", 0), fig("2024-01", 2), fig("2023-02", 1)];
    const t = text("2024-02", [PROJECTS], {
      "DT.CCN_DA": { current: row(PROJECTS, "2024-02", counts), toDate: row(PROJECTS, "2024-YTD02", counts) },
    });
    expect(t).toContain(
      "Số dự án thứ cấp thu hút vào các cụm công nghiệp tháng 2/2024 đạt 0 dự án; tính chung 2 tháng năm 2024 đạt 2 dự án",
    );
  });
});

describe("growth targets: met or not as the engine judged, the gap in percentage points", () => {
  it("a year missed: 'không đạt chỉ tiêu kế hoạch (tăng 10%), thấp hơn … điểm phần trăm'", () => {
    const r = row(IIP, "2023", [fig("2023", -17.22, "estimate", "yoy_pct")], [growth(10)]);
    expect(r.status).toBe("missed");
    expect(text("2023", [IIP], { "CN.IIP": { current: r, toDate: null } })).toContain(
      "Chỉ số sản xuất công nghiệp (IIP) năm 2023 ước giảm 17,22% so với cùng kỳ năm trước, không đạt chỉ tiêu kế hoạch (tăng 10,00%), thấp hơn 27,22 điểm phần trăm.",
    );
  });

  it("a year met: 'đạt chỉ tiêu …, cao hơn 8,60 điểm phần trăm'", () => {
    const r = row(IIP, "2024", [fig("2024", 13.6, "official", "yoy_pct")], [growth(5)]);
    expect(text("2024", [IIP], { "CN.IIP": { current: r, toDate: null } })).toContain(
      "năm 2024 tăng 13,60% so với cùng kỳ năm trước, đạt chỉ tiêu kế hoạch (tăng 5,00%), cao hơn 8,60 điểm phần trăm.",
    );
  });

  it("a quarter's scenario not reached: 'chưa đạt kịch bản tăng trưởng quý I (10,66%)'", () => {
    const r = row(
      VA,
      "2024-Q1",
      [fig("2024-Q1", 7.7, "estimate", "yoy_pct")],
      [growth(16), growth(10.66, 1)],
    );
    expect(text("2024-Q1", [VA], { "CN.VA": { current: r, toDate: null } })).toContain(
      "quý I/2024 ước tăng 7,70% so với cùng kỳ năm trước, chưa đạt kịch bản tăng trưởng quý I (10,66%), thấp hơn 2,96 điểm phần trăm.",
    );
  });

  it("mid-year below the target is 'thấp hơn', never 'không đạt' while the year is open", () => {
    const figures = [fig("2024-05", 3, "estimate", "yoy_pct"), fig("2024-YTD05", 4, "estimate", "yoy_pct")];
    const toDate = row(IIP, "2024-YTD05", figures, [growth(8)]);
    expect(toDate.status).toBe("at_risk");
    const t = text("2024-05", [IIP], {
      "CN.IIP": { current: row(IIP, "2024-05", figures, [growth(8)]), toDate },
    });
    expect(t).toContain(
      "tính chung 5 tháng năm 2024 ước tăng 4,00% so với cùng kỳ năm trước, thấp hơn chỉ tiêu kế hoạch (tăng 8,00%) 4,00 điểm phần trăm.",
    );
    expect(t).not.toContain("không đạt chỉ tiêu");
  });
});

describe("the sections", () => {
  it("numbers nothing itself, titles the parts by period, and leaves the tasks for staff", () => {
    const periods = reportPeriods("2026-10");
    if (!periods) throw new Error();
    const sections = writeReport(periods, [XNK], new Map());
    expect(sections.map((s) => s.key)).toEqual([
      "results",
      "industry",
      "energy",
      "trade",
      "clusters",
      "other",
      "assessment",
      "tasks",
      "proposals",
    ]);
    expect(sections[0].title).toBe("TÌNH HÌNH HOẠT ĐỘNG NGÀNH CÔNG THƯƠNG THÁNG 10 NĂM 2026");
    expect(sections.find((s) => s.key === "tasks")?.title).toBe(
      "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG 11 NĂM 2026",
    );
    expect(sections.find((s) => s.key === "tasks")?.paragraphs).toEqual([]);
  });

  it("sums up the year's targets by the engine's statuses in the general assessment", () => {
    const figures = [fig("2023-YTD06", 945.04, "estimate"), fig("2022-YTD06", 1037.82)];
    const t = text("2023-YTD06", [XNK], {
      "TM.XNK": { current: null, toDate: row(XNK, "2023-YTD06", figures, [level(5000)]) },
    });
    expect(t).toContain(
      "Tính đến hết 6 tháng đầu năm 2023, trong 1 chỉ tiêu có kế hoạch năm: 1 chỉ tiêu có nguy cơ không đạt (Tổng kim ngạch xuất nhập khẩu).",
    );
  });
});
