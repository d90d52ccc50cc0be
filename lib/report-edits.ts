/**
 * A report's paragraphs: the ones written from the figures, and what staff changed. Only the
 * changes are stored; a paragraph nobody edited is written again from the current figures every
 * time, so a revised figure shows in it. An edited paragraph keeps its text until someone asks for
 * the generated one back, and is marked stale when the figures have moved since it was edited.
 * Pure functions, no I/O.
 */
import { AppError } from "./errors";
import { FREE_SECTIONS, type GeneratedSection, SECTION_KEYS, type SectionKey } from "./report-text";

/** One stored change: the new text of a generated paragraph, or a paragraph staff added. */
export type StoredParagraph = {
  key: string;
  section: SectionKey;
  /** Empty: the generated paragraph is left out of the report. */
  text: string;
  /** The generated text when it was edited (null for an added paragraph). */
  base: string | null;
};

export type ViewParagraph = {
  key: string;
  text: string;
  /** Written from the figures (possibly edited since) rather than added by staff. */
  generated: boolean;
  edited: boolean;
  /** Edited, and the figures have changed what would be generated since. */
  stale: boolean;
  /** For an edited paragraph, what the figures give now. */
  generatedText: string | null;
};

export type ViewSection = {
  key: SectionKey;
  level: 1 | 2;
  /** With its number: "I. TÌNH HÌNH …", "2. Năng lượng, điện". */
  heading: string;
  paragraphs: ViewParagraph[];
};

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/**
 * The sections as printed: generated paragraphs with their edits, added paragraphs at the end of
 * their section; a field with nothing to say is left out, the sections staff write are kept.
 */
export function mergeParagraphs(generated: GeneratedSection[], stored: StoredParagraph[]): ViewSection[] {
  const byKey = new Map(stored.map((p) => [p.key, p]));
  const sections: Omit<ViewSection, "heading">[] = [];
  for (const section of generated) {
    const paragraphs: ViewParagraph[] = [];
    for (const p of section.paragraphs) {
      const edit = byKey.get(p.key);
      if (!edit) {
        paragraphs.push({
          key: p.key,
          text: p.text,
          generated: true,
          edited: false,
          stale: false,
          generatedText: null,
        });
      } else if (edit.text !== "") {
        paragraphs.push({
          key: p.key,
          text: edit.text,
          generated: true,
          edited: true,
          stale: edit.base !== p.text,
          generatedText: p.text,
        });
      }
    }
    const generatedKeys = new Set(section.paragraphs.map((p) => p.key));
    for (const p of stored) {
      if (p.section !== section.key || p.text === "" || generatedKeys.has(p.key)) continue;
      // An added paragraph, or an edited one the figures no longer give (kept: it is someone's text).
      const orphan = p.base !== null && !generated.some((g) => g.paragraphs.some((q) => q.key === p.key));
      if (p.base === null || orphan) {
        paragraphs.push({
          key: p.key,
          text: p.text,
          generated: p.base !== null,
          edited: true,
          stale: orphan,
          generatedText: null,
        });
      }
    }
    const keep = section.level === 1 || paragraphs.length > 0 || FREE_SECTIONS.includes(section.key);
    if (keep) sections.push({ key: section.key, level: section.level, paragraphs });
  }
  let part = 0;
  let item = 0;
  return sections.map((s) => {
    const title = generated.find((g) => g.key === s.key)?.title ?? s.key;
    if (s.level === 1) {
      part++;
      item = 0;
      return { ...s, heading: `${ROMAN[part - 1]}. ${title}` };
    }
    // A level-2 section right after a level-1 one belongs to it; numbering restarts per part.
    item++;
    return { ...s, heading: `${item}. ${title}` };
  });
}

export type ParagraphChange = { key?: string; section?: string; text: string };
export type EditRequest = { paragraphs?: ParagraphChange[]; reset?: string[] | "all" };
export type EditResult = {
  stored: StoredParagraph[];
  changes: { key: string; before: string | null; after: string | null }[];
};

export const MAX_PARAGRAPH = 10_000;
const MAX_ADDED = 200;

function invalid(vi: string, en: string, field: string): AppError {
  return new AppError("invalid", vi, en, { [field]: [{ vi, en }] });
}

/** Text as stored: NFC (text typed with combining marks prints badly), trimmed, one space between words' lines kept. */
export function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .trim();
}

/**
 * Applies a change to the stored paragraphs: new texts (a key names a paragraph, a section without
 * a key adds one), and resets (the generated text back; an added paragraph is removed). Unknown
 * keys and sections are refused with a message naming them; nothing is applied then.
 */
export function applyEdits(
  generated: GeneratedSection[],
  stored: StoredParagraph[],
  request: EditRequest,
): EditResult {
  const next = new Map(stored.map((p) => [p.key, p]));
  const changes: EditResult["changes"] = [];
  const generatedText = new Map<string, { text: string; section: SectionKey }>();
  for (const s of generated)
    for (const p of s.paragraphs) generatedText.set(p.key, { text: p.text, section: s.key });
  const shown = (key: string) => {
    const p = next.get(key);
    if (p) return p.text === "" ? null : p.text;
    return generatedText.get(key)?.text ?? null;
  };

  const resets =
    request.reset === "all"
      ? [...next.values()].filter((p) => p.base !== null).map((p) => p.key)
      : (request.reset ?? []);
  resets.forEach((key, i) => {
    if (!next.has(key) && !generatedText.has(key)) {
      throw invalid(
        `Không có đoạn "${key}" trong báo cáo.`,
        `The report has no paragraph "${key}".`,
        `reset.${i}`,
      );
    }
    const before = shown(key);
    next.delete(key);
    const after = shown(key);
    if (before !== after) changes.push({ key, before, after });
  });

  let added = Math.max(0, ...[...next.keys()].map((k) => Number(/^added-(\d+)$/.exec(k)?.[1] ?? 0)));
  (request.paragraphs ?? []).forEach((change, i) => {
    const text = cleanText(change.text);
    if (text.length > MAX_PARAGRAPH) {
      throw invalid(
        `Đoạn văn quá dài (tối đa ${MAX_PARAGRAPH.toLocaleString("vi-VN")} ký tự).`,
        `The paragraph is too long (at most ${MAX_PARAGRAPH.toLocaleString("en-US")} characters).`,
        `paragraphs.${i}.text`,
      );
    }
    if (change.key === undefined) {
      const section = change.section as SectionKey;
      if (!SECTION_KEYS.includes(section) || section === "results") {
        throw invalid(
          `Không thêm được đoạn vào mục "${change.section ?? ""}".`,
          `A paragraph cannot be added to section "${change.section ?? ""}".`,
          `paragraphs.${i}.section`,
        );
      }
      if (text === "") {
        throw invalid("Đoạn mới không có nội dung.", "The new paragraph is empty.", `paragraphs.${i}.text`);
      }
      added++;
      const key = `added-${added}`;
      next.set(key, { key, section, text, base: null });
      changes.push({ key, before: null, after: text });
      return;
    }
    const key = change.key;
    const held = next.get(key);
    const gen = generatedText.get(key);
    if (!held && !gen) {
      throw invalid(
        `Không có đoạn "${key}" trong báo cáo.`,
        `The report has no paragraph "${key}".`,
        `paragraphs.${i}.key`,
      );
    }
    const before = shown(key);
    if (held && held.base === null) {
      // An added paragraph: emptied, it is gone.
      if (text === "") next.delete(key);
      else next.set(key, { ...held, text });
    } else if (gen && text === gen.text) {
      next.delete(key);
    } else {
      next.set(key, {
        key,
        section: held?.section ?? (gen as { section: SectionKey }).section,
        text,
        // The base stays what was generated when the paragraph was first edited.
        base: held?.base ?? (gen as { text: string }).text,
      });
    }
    const after = shown(key);
    if (before !== after) changes.push({ key, before, after });
  });

  const stored2 = [...next.values()];
  if (stored2.filter((p) => p.base === null).length > MAX_ADDED) {
    throw invalid(
      `Báo cáo có quá nhiều đoạn thêm (tối đa ${MAX_ADDED}).`,
      `The report has too many added paragraphs (at most ${MAX_ADDED}).`,
      "paragraphs",
    );
  }
  return { stored: stored2, changes };
}
