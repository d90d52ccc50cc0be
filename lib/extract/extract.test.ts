import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../periods";
import { CORPUS, type CorpusParagraph, HELD_OUT } from "./corpus";
import { type ExtractedFigure, extractFigures } from "./extract";
import { INDICATOR_BY_CODE, shortProvinceName } from "./names";

const PROVINCE_NAMES = [
  ...new Set(
    fs
      .readFileSync(path.join(import.meta.dirname, "../../db/data/provinces.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => shortProvinceName(line.split(",")[2])),
  ),
];

function run(text: string, period = "2026-10", own = "Thái Nguyên") {
  return extractFigures(text, {
    period,
    ownNames: [own],
    otherNames: PROVINCE_NAMES.filter((n) => n !== own),
  });
}
const brief = (f: ExtractedFigure) => [f.indicator, f.period, f.measure, f.value, f.vintage];
const only = (text: string, period?: string) => run(text, period).figures.map(brief);

describe("extractFigures: the issue's example", () => {
  it("reads the IIP of January 2024, its sectors and its vintage", () => {
    const text =
      "Chỉ số sản xuất công nghiệp (IIP) tháng 01/2024 ước tăng 4,14% so với tháng trước và tăng 16,95% so với cùng kỳ năm trước; trong đó, ngành khai khoáng giảm 2,01%.";
    const { figures, unmatched } = run(text, "2024-01", "Hà Giang");
    expect(figures.map(brief)).toEqual([
      ["CN.IIP", "2024-01", "mom_pct", 4.14, "estimate"],
      ["CN.IIP", "2024-01", "yoy_pct", 16.95, "estimate"],
      ["CN.IIP.B", "2024-01", "yoy_pct", -2.01, "estimate"],
    ]);
    expect(unmatched).toEqual([]);
    // Each figure points at the phrase it came from, inside its sentence.
    expect(figures.map((f) => f.text)).toEqual([
      "ước tăng 4,14% so với tháng trước",
      "tăng 16,95% so với cùng kỳ năm trước",
      "giảm 2,01%",
    ]);
    for (const f of figures) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(text.slice(f.sentenceStart, f.sentenceEnd)).toBe(f.sentence);
    }
  });
});

describe("extractFigures: the forms of domain.md §10", () => {
  it("takes the sign from tăng / giảm, against the previous month and the same period", () => {
    expect(
      only(
        "Tháng 10/2026, kim ngạch xuất khẩu giảm 3,5% so với tháng trước và giảm 1,25% so với cùng kỳ năm 2025.",
      ),
    ).toEqual([
      ["TM.XNK.XK", "2026-10", "mom_pct", -3.5, "official"],
      ["TM.XNK.XK", "2026-10", "yoy_pct", -1.25, "official"],
    ]);
  });

  it("reads 'bằng Y%' as growth Y − 100 with the decimals given, and an index 'đạt 113,6%' as +13,6", () => {
    expect(only("Tháng 10/2026, kim ngạch nhập khẩu bằng 91,06% so với cùng kỳ.")).toEqual([
      ["TM.XNK.NK", "2026-10", "yoy_pct", -8.94, "official"],
    ]);
    expect(
      only("Tháng 10/2026, chỉ số IIP đạt 113,6% so với cùng kỳ; IIP bằng 100% so với tháng trước."),
    ).toEqual([
      ["CN.IIP", "2026-10", "yoy_pct", 13.6, "official"],
      ["CN.IIP", "2026-10", "mom_pct", 0, "official"],
    ]);
  });

  it("takes the vintage from the verb: ước, ước tính, ước thực hiện, sơ bộ, or official", () => {
    const text =
      "Tháng 10/2026, kim ngạch xuất khẩu ước đạt 10 triệu USD. Tháng 9/2026, kim ngạch xuất khẩu sơ bộ đạt 9 triệu USD. " +
      "Tháng 8/2026, kim ngạch xuất khẩu đạt 8 triệu USD. Ước tính tháng 7/2026, kim ngạch xuất khẩu đạt 7 triệu USD. " +
      "Ước thực hiện tháng 6/2026, kim ngạch xuất khẩu đạt 6 triệu USD.";
    expect(run(text).figures.map((f) => [f.period, f.vintage])).toEqual([
      ["2026-10", "estimate"],
      ["2026-09", "preliminary"],
      ["2026-08", "official"],
      ["2026-07", "estimate"],
      ["2026-06", "estimate"],
    ]);
  });

  it.each([
    ["tháng 10/2026", "2026-10"],
    ["tháng 10 năm 2026", "2026-10"],
    ["tháng Mười", "2026-10"],
    ["tháng Giêng", "2026-01"],
    ["10 tháng năm 2026", "2026-YTD10"],
    ["10 tháng đầu năm", "2026-YTD10"],
    ["lũy kế 10 tháng", "2026-YTD10"],
    ["tính chung 10 tháng", "2026-YTD10"],
    ["cộng dồn 10 tháng", "2026-YTD10"],
    ["lũy kế từ đầu năm", "2026-YTD10"],
    ["lũy kế đến hết tháng 9", "2026-YTD09"],
    ["6 tháng đầu năm", "2026-YTD06"],
    ["sáu tháng đầu năm", "2026-YTD06"],
    ["nửa đầu năm", "2026-YTD06"],
    ["quý I/2026", "2026-Q1"],
    ["quý III", "2026-Q3"],
    ["năm 2026", "2026"],
    ["ước cả năm", "2026"],
  ])("reads the period phrase «%s» as %s", (phrase, key) => {
    const figures = run(
      `${phrase[0].toUpperCase()}${phrase.slice(1)}, kim ngạch xuất khẩu đạt 100 triệu USD.`,
    ).figures;
    expect(figures.map((f) => f.period)).toEqual([key]);
  });

  it("takes the report's own month when the text names no period, and the nearest period before otherwise", () => {
    expect(only("Kim ngạch xuất khẩu đạt 100 triệu USD.", "2026-04")).toEqual([
      ["TM.XNK.XK", "2026-04", "value", 100, "official"],
    ]);
    expect(
      only(
        "Tính chung 9 tháng, chỉ số IIP tăng 7% so với cùng kỳ. Kim ngạch xuất khẩu đạt 900 triệu USD.",
      ).map((f) => f[1]),
    ).toEqual(["2026-YTD09", "2026-YTD09"]);
  });

  it("does not read 'tháng năm' in running text as May", () => {
    expect(only("Trải qua bao tháng năm, kim ngạch xuất khẩu đạt 100 triệu USD.").map((f) => f[1])).toEqual([
      "2026-10",
    ]);
  });

  it("converts amounts written in another scale of the indicator's unit", () => {
    expect(
      only(
        "Tháng 10/2026, kim ngạch xuất khẩu đạt 1,2 tỷ USD; kim ngạch nhập khẩu đạt 850 nghìn USD; tổng mức bán lẻ hàng hóa đạt 2,5 nghìn tỷ đồng; sản lượng điện sản xuất đạt 1,05 tỷ kWh.",
      ).map((f) => [f[0], f[3]]),
    ).toEqual([
      ["TM.XNK.XK", 1200],
      ["TM.XNK.NK", 0.85],
      ["TM.BLDV", 2500],
      ["NL.DIEN_SX", 1050],
    ]);
  });

  it("refuses an amount in a unit the indicator is not measured in", () => {
    const { figures, unmatched } = run("Tháng 10/2026, kim ngạch xuất khẩu đạt 120 tỷ đồng.");
    expect(figures).toEqual([]);
    expect(unmatched.map((u) => u.reason)).toEqual(["unit"]);
  });

  it("reads text typed with combining diacritics (NFD) and old-style tone marks like any other", () => {
    const nfc = "Tháng 10/2026, tổng mức bán lẻ hàng hoá ước đạt 4.215,3 tỷ đồng, tăng 12,4% so với cùng kỳ.";
    expect(only(nfc.normalize("NFD"))).toEqual(only(nfc));
    expect(only(nfc)).toEqual([
      ["TM.BLDV", "2026-10", "value", 4215.3, "estimate"],
      ["TM.BLDV", "2026-10", "yoy_pct", 12.4, "estimate"],
    ]);
  });

  it("does not take another unit's figures: a former province is another province for its successor", () => {
    const { figures, unmatched } = extractFigures(
      "Năm 2024, kim ngạch xuất khẩu của tỉnh Hà Giang đạt 500 triệu USD.",
      { period: "2024-12", ownNames: ["Tuyên Quang"], otherNames: ["Hà Giang"] },
    );
    expect(figures).toEqual([]);
    expect(unmatched.map((u) => u.reason)).toEqual(["other_province"]);
  });

  it("keeps the first reading of a figure written twice and lists a different second one", () => {
    const { figures, unmatched } = run(
      "Tháng 10/2026, kim ngạch xuất khẩu đạt 100 triệu USD. Tháng 10/2026, kim ngạch xuất khẩu đạt 105 triệu USD.",
    );
    expect(figures.map((f) => f.value)).toEqual([100]);
    expect(unmatched.map((u) => u.reason)).toEqual(["duplicate"]);
  });

  it("refuses a period that is not a month key", () => {
    expect(() => extractFigures("x", { period: "2026", ownNames: [], otherNames: [] })).toThrow(RangeError);
  });
});

describe("extractFigures on the test corpus", () => {
  const key = (g: unknown[]) => JSON.stringify(g);
  const score = (paragraphs: CorpusParagraph[]) => {
    let correct = 0;
    let found = 0;
    let gold = 0;
    for (const p of paragraphs) {
      const { figures } = run(p.text, p.period, p.own);
      const expected = new Set(p.figures.map((g) => key([g[0], g[1], g[2], g[3], g[4] ?? "official"])));
      const got = figures.map((f) => key(brief(f)));
      gold += expected.size;
      found += got.length;
      correct += got.filter((k) => expected.has(k)).length;
    }
    return { correct, found, gold, recall: correct / gold, precision: found ? correct / found : 1 };
  };

  it.each([...CORPUS, ...HELD_OUT].map((p) => [p.name, p] as const))(
    "takes nothing wrong from «%s»",
    (_name, p) => {
      const { figures, unmatched } = run(p.text, p.period, p.own);
      const expected = p.figures.map((g) => key([g[0], g[1], g[2], g[3], g[4] ?? "official"]));
      for (const f of figures)
        expect(expected, `not in the gold: ${key(brief(f))} from «${f.text}»`).toContain(key(brief(f)));
      for (const [phrase, reason] of p.notTaken ?? []) {
        const hit = unmatched.find((u) => u.text.includes(phrase) || phrase.includes(u.text));
        expect(hit, `«${phrase}» is listed as not taken`).toBeDefined();
        expect(hit?.reason, `«${phrase}»`).toBe(reason);
        expect(figures.some((f) => f.text.includes(phrase))).toBe(false);
      }
      for (const f of [...figures, ...unmatched]) {
        const nfc = p.text.normalize("NFC");
        expect(nfc.slice(f.start, f.end)).toBe(f.text);
        expect(nfc.slice(f.sentenceStart, f.sentenceEnd)).toBe(f.sentence);
      }
    },
  );

  it("has full precision and measured recall (printed), on the tuning paragraphs and on the held-out ones", () => {
    const tuning = score(CORPUS);
    const heldOut = score(HELD_OUT);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.info(
      `extraction — tuning corpus: ${tuning.correct}/${tuning.gold} figures found (recall ${pct(tuning.recall)}), ` +
        `precision ${pct(tuning.precision)}; held-out: ${heldOut.correct}/${heldOut.gold} (recall ${pct(heldOut.recall)}), ` +
        `precision ${pct(heldOut.precision)}`,
    );
    expect(tuning.precision).toBe(1);
    expect(heldOut.precision).toBe(1);
    // Floors under today's measurements, so a rule change that loses figures is seen.
    expect(tuning.recall).toBeGreaterThanOrEqual(0.95);
    expect(heldOut.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("is deterministic", () => {
    for (const p of CORPUS) expect(run(p.text, p.period, p.own)).toEqual(run(p.text, p.period, p.own));
  });
});

describe("extractFigures on any text", () => {
  const pieces = [
    "Tháng 10/2026, ",
    "chỉ số IIP ",
    "kim ngạch xuất khẩu ",
    "ngành khai khoáng ",
    "ước ",
    "tăng 4,14% ",
    "giảm 2,01% ",
    "đạt 1.234,5 tỷ đồng",
    "bằng 91,06% ",
    "so với cùng kỳ",
    "so với tháng trước",
    "; trong đó ",
    ", ",
    ". ",
    "khoảng ",
    "tỉnh Lạng Sơn ",
    "quý III ",
    "10 tháng ",
    "\n",
  ];
  it("never throws, and every figure it takes is a valid figure of its indicator", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })), { maxLength: 40 }),
        (parts) => {
          const text = parts.join("");
          const { figures, unmatched } = run(text);
          for (const f of figures) {
            const ind = INDICATOR_BY_CODE.get(f.indicator);
            expect(ind).toBeDefined();
            expect(parsePeriod(f.period)?.year).toBe(2026);
            expect(Number.isFinite(f.value)).toBe(true);
            if (ind?.kind === "index") expect(["yoy_pct", "mom_pct", "level"]).toContain(f.measure);
            if (ind?.kind === "rate") expect(["value", "yoy_pct"]).toContain(f.measure);
          }
          for (const x of [...figures, ...unmatched])
            expect(text.normalize("NFC").slice(x.start, x.end)).toBe(x.text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
