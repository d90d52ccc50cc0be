/**
 * The report as it prints: the Nghị định 30/2020 header block, title, body, signature, recipients
 * and the appendix table — one plain object that the page, the PDF, the Word file and the Excel
 * file all render, and that an issued report keeps frozen. Pure functions, no I/O.
 */
import { mergeParagraphs, type StoredParagraph, type ViewSection } from "./report-edits";
import {
  documentNumber,
  issueYear,
  longDate,
  placeAndDate,
  type ReportPeriods,
  reportPeriodCaps,
  reportSummary,
} from "./report-periods";
import type { ReportSettingsContent } from "./report-settings";
import { type TableColumn, type TableRow, type TableRowSet, tableColumns, tableRows } from "./report-table";
import { type ReportIndicator, writeReport } from "./report-text";

export type ReportIssue = {
  number: number;
  /** yyyy-mm-dd */
  date: string;
  place: string;
  symbol: string;
  issuedAt: string;
  issuedBy: string | null;
};

export type ReportView = {
  provinceId: string;
  provinceName: string;
  period: string;
  settings: ReportSettingsContent & { validFrom: string | null; validTo: string | null };
  header: { supervisingBody: string; issuingBody: string; numberLine: string; placeDate: string };
  title: string;
  summary: string;
  addressees: string[];
  sections: ViewSection[];
  signature: { authority: string; title: string; name: string };
  /** "Nơi nhận:" lines as printed: "- Như trên;" … "- Lưu: VT, KHTC." */
  recipients: string[];
  appendix: {
    heading: string;
    title: string;
    attached: string;
    columns: TableColumn[];
    rows: TableRow[];
  };
  /** Figures the report rests on that may still change (months not approved yet). */
  notes: string[];
  version: number;
  issued: ReportIssue | null;
};

export type ReportInput = {
  province: { id: string; nameVi: string };
  periods: ReportPeriods;
  indicators: ReportIndicator[];
  rows: Map<string, TableRowSet>;
  stored: StoredParagraph[];
  settings: ReportView["settings"];
  version: number;
  issued: ReportIssue | null;
};

/** Blanks a draft leaves for the number and the day, as a paper draft does. */
const BLANK = "\u00a0".repeat(6);

/** "SỞ CÔNG THƯƠNG" → "Sở Công Thương", for the appendix's "(Kèm theo … của Sở Công Thương)". */
function sentenceName(caps: string): string {
  return caps
    .toLocaleLowerCase("vi")
    .split(" ")
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join(" ");
}

export function recipientLines(settings: ReportSettingsContent): string[] {
  const lines = [...(settings.addressees.length > 0 ? ["Như trên"] : []), ...settings.recipients].map(
    (r) => `- ${r};`,
  );
  lines.push(`- Lưu: VT${settings.draftingUnit ? `, ${settings.draftingUnit}` : ""}.`);
  return lines;
}

export function assembleReport(input: ReportInput): ReportView {
  const { periods, settings, issued } = input;
  const textRows = new Map(
    [...input.rows].map(([code, r]) => [code, { current: r.current, toDate: r.toDate }] as const),
  );
  const generated = writeReport(periods, input.indicators, textRows);
  const sections = mergeParagraphs(generated, input.stored);
  const symbol = issued?.symbol ?? settings.symbol;
  const numberLine = issued ? documentNumber(issued.number, symbol) : `Số:${BLANK}/${symbol}`;
  // A draft leaves the day blank; its year is the one the report will be issued in.
  const draftDate = `ngày${BLANK}tháng${BLANK}năm ${issueYear(periods)}`;
  const placeDate = issued ? placeAndDate(issued.place, issued.date) : `${settings.place}, ${draftDate}`;
  const attached = issued
    ? `(Kèm theo Báo cáo số ${documentNumber(issued.number, symbol).slice(4)} ${longDate(issued.date)} của ${sentenceName(settings.issuingBody)})`
    : `(Kèm theo Báo cáo số${BLANK}/${symbol} ${draftDate} của ${sentenceName(settings.issuingBody)})`;
  const notes = new Set<string>();
  for (const r of input.rows.values()) {
    for (const row of [r.current, r.toDate]) for (const m of row?.monthsNotApproved ?? []) notes.add(m);
  }
  return {
    provinceId: input.province.id,
    provinceName: input.province.nameVi,
    period: periods.key,
    settings,
    header: {
      supervisingBody: settings.supervisingBody,
      issuingBody: settings.issuingBody,
      numberLine,
      placeDate,
    },
    title: "BÁO CÁO",
    summary: reportSummary(periods),
    addressees: settings.addressees,
    sections,
    signature: {
      authority: settings.signerAuthority,
      title: settings.signerTitle,
      name: settings.signerName,
    },
    recipients: recipientLines(settings),
    appendix: {
      heading: "Phụ lục",
      title: `MỘT SỐ CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG ${reportPeriodCaps(periods)}`,
      attached,
      columns: tableColumns(periods),
      rows: tableRows(periods, input.indicators, input.rows),
    },
    notes: [...notes].sort(),
    version: input.version,
    issued,
  };
}

/** The report's text, paragraph by paragraph, as one string (for search and for tests). */
export function reportText(view: ReportView): string {
  return view.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]).join("\n");
}
