import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { applyEdits, mergeParagraphs, type StoredParagraph } from "./report-edits";
import type { GeneratedSection } from "./report-text";

const generated = (xnk = "Xuất nhập khẩu ước đạt 945,04 triệu USD."): GeneratedSection[] => [
  { key: "results", level: 1, title: "TÌNH HÌNH THÁNG 6", paragraphs: [] },
  { key: "industry", level: 2, title: "Sản xuất công nghiệp", paragraphs: [] },
  {
    key: "trade",
    level: 2,
    title: "Thương mại",
    paragraphs: [{ key: "TM.XNK", text: xnk, indicators: ["TM.XNK"] }],
  },
  { key: "assessment", level: 2, title: "Đánh giá chung", paragraphs: [] },
  { key: "tasks", level: 1, title: "NHIỆM VỤ", paragraphs: [] },
];

describe("merging stored edits over the generated text", () => {
  it("numbers the printed sections, leaving out a field with nothing to say but keeping the tasks", () => {
    const sections = mergeParagraphs(generated(), []);
    expect(sections.map((s) => s.heading)).toEqual(["I. TÌNH HÌNH THÁNG 6", "1. Thương mại", "II. NHIỆM VỤ"]);
  });

  it("keeps an edited paragraph and marks it stale once the figures move", () => {
    const { stored } = applyEdits(generated(), [], {
      paragraphs: [{ key: "TM.XNK", text: "Giảm do thông quan chậm." }],
    });
    const same = mergeParagraphs(generated(), stored);
    expect(same[1].paragraphs[0]).toMatchObject({
      text: "Giảm do thông quan chậm.",
      edited: true,
      stale: false,
    });
    const moved = mergeParagraphs(generated("Xuất nhập khẩu ước đạt 950,50 triệu USD."), stored);
    expect(moved[1].paragraphs[0]).toMatchObject({
      text: "Giảm do thông quan chậm.",
      stale: true,
      generatedText: "Xuất nhập khẩu ước đạt 950,50 triệu USD.",
    });
  });

  it("keeps an edit whose paragraph the figures no longer give, marked stale", () => {
    const stored: StoredParagraph[] = [
      { key: "CN.IIP", section: "industry", text: "IIP tăng.", base: "IIP ước tăng 2%." },
    ];
    const sections = mergeParagraphs(generated(), stored);
    expect(sections.find((s) => s.key === "industry")?.paragraphs[0]).toMatchObject({
      text: "IIP tăng.",
      stale: true,
    });
  });
});

describe("applying a change", () => {
  it("adds paragraphs at the end of their section, numbered, in NFC", () => {
    const decomposed = "Tăng cường kiểm tra thị trường".normalize("NFD");
    const { stored, changes } = applyEdits(generated(), [], {
      paragraphs: [
        { section: "tasks", text: `  ${decomposed}  ` },
        { section: "tasks", text: "Đôn đốc tiến độ các cụm công nghiệp." },
      ],
    });
    expect(stored.map((p) => p.key)).toEqual(["added-1", "added-2"]);
    expect(stored[0].text).toBe("Tăng cường kiểm tra thị trường".normalize("NFC"));
    expect(changes).toHaveLength(2);
    const tasks = mergeParagraphs(generated(), stored).find((s) => s.key === "tasks");
    expect(tasks?.paragraphs.map((p) => p.key)).toEqual(["added-1", "added-2"]);
  });

  it("removes an added paragraph emptied, hides a generated one emptied, and resets back to the generated text", () => {
    const first = applyEdits(generated(), [], {
      paragraphs: [
        { section: "tasks", text: "Một." },
        { key: "TM.XNK", text: "" },
      ],
    });
    expect(mergeParagraphs(generated(), first.stored).find((s) => s.key === "trade")).toBeUndefined();
    const second = applyEdits(generated(), first.stored, {
      paragraphs: [{ key: "added-1", text: " " }],
      reset: ["TM.XNK"],
    });
    expect(second.stored).toEqual([]);
    expect(second.changes.map((c) => c.key).sort()).toEqual(["TM.XNK", "added-1"]);
  });

  it("stores nothing when an edit gives the generated text back, and keeps the first base on later edits", () => {
    const g = generated();
    const text = g[2].paragraphs[0].text;
    expect(applyEdits(g, [], { paragraphs: [{ key: "TM.XNK", text }] })).toEqual({ stored: [], changes: [] });
    const once = applyEdits(g, [], { paragraphs: [{ key: "TM.XNK", text: "A." }] });
    const twice = applyEdits(generated("moved"), once.stored, {
      paragraphs: [{ key: "TM.XNK", text: "B." }],
    });
    expect(twice.stored[0]).toMatchObject({ text: "B.", base: text });
  });

  it("'all' resets every edited generated paragraph, keeping what staff added", () => {
    const { stored } = applyEdits(generated(), [], {
      paragraphs: [
        { key: "TM.XNK", text: "A." },
        { section: "tasks", text: "B." },
      ],
    });
    const reset = applyEdits(generated(), stored, { reset: "all" });
    expect(reset.stored.map((p) => p.key)).toEqual(["added-1"]);
  });

  it("refuses unknown paragraphs and sections, empty new paragraphs and overlong text, naming the field", () => {
    const refused = (request: Parameters<typeof applyEdits>[2]) => {
      try {
        applyEdits(generated(), [], request);
      } catch (e) {
        if (e instanceof AppError) return e;
      }
      throw new Error("not refused");
    };
    expect(refused({ paragraphs: [{ key: "NO.SUCH", text: "x" }] }).fields).toHaveProperty(
      "paragraphs.0.key",
    );
    expect(refused({ paragraphs: [{ section: "results", text: "x" }] }).fields).toHaveProperty(
      "paragraphs.0.section",
    );
    expect(refused({ paragraphs: [{ section: "tasks", text: "  " }] }).fields).toHaveProperty(
      "paragraphs.0.text",
    );
    expect(refused({ paragraphs: [{ section: "tasks", text: "x".repeat(10_001) }] }).status).toBe(422);
    expect(refused({ reset: ["NO.SUCH"] }).fields).toHaveProperty("reset.0");
  });
});
