import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type IBorderOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { cellText } from "@/lib/report-table";
import type { ReportView } from "@/lib/report-view";

/**
 * The report as a Word document staff can keep editing: real paragraph styles (Normal, heading 1
 * and 2, and named styles for the header block, recipients and the table) rather than formatting
 * on each run, real tables for the header block, the signature and the appendix, A4 portrait for
 * the body with page numbers at the top from page 2, and a landscape section for the appendix
 * whose header rows repeat on every page.
 */

const FONT = "Times New Roman";
/** Half-points. */
const pt = (n: number) => Math.round(n * 2);
/** Twips (1/20 pt); 1 mm = 56.7 twips. */
const mm = (n: number) => Math.round(n * 56.6929);

const A4 = { width: mm(210), height: mm(297) };
const BODY_MARGIN = { top: mm(20), right: mm(15), bottom: mm(20), left: mm(30), header: mm(10) };
const APPENDIX_MARGIN = { top: mm(20), right: mm(15), bottom: mm(15), left: mm(15), header: mm(10) };
const BODY_WIDTH = A4.width - BODY_MARGIN.left - BODY_MARGIN.right;
const APPENDIX_WIDTH = A4.height - APPENDIX_MARGIN.left - APPENDIX_MARGIN.right;

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

/** A style for lines that are not body text: no first-line indent, no spacing after, single spacing. */
function plainStyle(
  id: string,
  name: string,
  size: number,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
  { line = 240, bold = false } = {},
) {
  return {
    id,
    name,
    basedOn: "Normal",
    run: { size: pt(size), bold },
    paragraph: { alignment, indent: { firstLine: 0 }, spacing: { after: 0, line } },
  };
}

const STYLES = {
  // Vietnamese, so Word checks the spelling in Vietnamese.
  default: { document: { run: { font: FONT, size: pt(14), language: { value: "vi-VN" } } } },
  paragraphStyles: [
    {
      id: "Normal",
      name: "Normal",
      quickFormat: true,
      run: { font: FONT, size: pt(14) },
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        spacing: { before: 0, after: pt(6) * 10, line: 312 },
        indent: { firstLine: mm(12.7) },
      },
    },
    {
      id: "Heading1",
      name: "heading 1",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { font: FONT, size: pt(14), bold: true, color: "000000" },
      paragraph: { keepNext: true, outlineLevel: 0, spacing: { before: 120, after: 120 } },
    },
    {
      id: "Heading2",
      name: "heading 2",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { font: FONT, size: pt(14), bold: true, color: "000000" },
      paragraph: { keepNext: true, outlineLevel: 1, spacing: { before: 60, after: 120 } },
    },
    plainStyle("HeaderBlock", "Header block (ND30)", 13, AlignmentType.CENTER),
    {
      ...plainStyle("Title", "Title", 14, AlignmentType.CENTER, { line: 276, bold: true }),
      next: "Normal",
      quickFormat: true,
    },
    plainStyle("Recipients", "Recipients (Nơi nhận)", 11, AlignmentType.LEFT),
    plainStyle("TableText", "Table text", 10, AlignmentType.LEFT),
  ],
};

type RunStyle = { bold?: boolean; italics?: boolean; size?: number };

function para(
  text: string,
  style: string,
  run: RunStyle = {},
  extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {},
): Paragraph {
  return new Paragraph({
    style,
    children: [new TextRun({ text, ...run, size: run.size ? pt(run.size) : undefined })],
    ...extra,
  });
}

/** A short solid rule under a line (Nghị định 30: under the issuing body, the motto and the title). */
function rule(widthShare: number, cellWidth: number): Paragraph {
  const side = Math.round((cellWidth * (1 - widthShare)) / 2);
  return new Paragraph({
    style: "HeaderBlock",
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    indent: { left: side, right: side },
    spacing: { after: 60 },
    children: [],
  });
}

function cell(
  children: Paragraph[],
  width: number,
  opts: Partial<ConstructorParameters<typeof TableCell>[0]> = {},
) {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, ...opts });
}

function headerBlock(view: ReportView): Table {
  const left = Math.round(BODY_WIDTH * 0.4);
  const right = BODY_WIDTH - left;
  return new Table({
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              para(view.header.supervisingBody, "HeaderBlock"),
              para(view.header.issuingBody, "HeaderBlock", { bold: true }),
              rule(0.35, left),
              para(view.header.numberLine, "HeaderBlock"),
            ],
            left,
            { borders: CELL_NONE },
          ),
          cell(
            [
              para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HeaderBlock", { bold: true }),
              para("Độc lập - Tự do - Hạnh phúc", "HeaderBlock", { bold: true, size: 14 }),
              rule(0.62, right),
              para(view.header.placeDate, "HeaderBlock", { italics: true, size: 14 }),
            ],
            right,
            { borders: CELL_NONE },
          ),
        ],
      }),
    ],
  });
}

const CELL_NONE = { top: NONE, bottom: NONE, left: NONE, right: NONE };

function addressees(view: ReportView): Paragraph[] {
  if (view.addressees.length === 0) return [];
  const style = { style: "Title", spacing: { before: 240, after: 120 } } as const;
  if (view.addressees.length === 1) {
    return [
      new Paragraph({
        ...style,
        children: [new TextRun({ text: `Kính gửi: ${view.addressees[0]}.`, bold: false })],
      }),
    ];
  }
  return view.addressees.map(
    (a, i) =>
      new Paragraph({
        style: "Normal",
        indent: { left: mm(55), firstLine: i === 0 ? 0 : 0, hanging: 0 },
        spacing: { before: i === 0 ? 240 : 0, after: i === view.addressees.length - 1 ? 120 : 0 },
        children: [
          new TextRun({ text: i === 0 ? "Kính gửi: " : "", bold: false }),
          new TextRun(`- ${a}${i === view.addressees.length - 1 ? "." : ";"}`),
        ],
      }),
  );
}

function signature(view: ReportView): Table {
  const left = Math.round(BODY_WIDTH * 0.45);
  const right = BODY_WIDTH - left;
  const recipients = [
    para("Nơi nhận:", "Recipients", { bold: true, italics: true, size: 12 }),
    ...view.recipients.map((line) => para(line, "Recipients")),
  ];
  const signer: Paragraph[] = [];
  if (view.signature.authority)
    signer.push(para(view.signature.authority, "HeaderBlock", { bold: true, size: 14 }));
  signer.push(para(view.signature.title, "HeaderBlock", { bold: true, size: 14 }));
  signer.push(new Paragraph({ style: "HeaderBlock", spacing: { before: mm(24) }, children: [] }));
  signer.push(para(view.signature.name, "HeaderBlock", { bold: true, size: 14 }));
  return new Table({
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(recipients, left, { borders: CELL_NONE }),
          cell(signer, right, { borders: CELL_NONE }),
        ],
      }),
    ],
  });
}

function body(view: ReportView): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [headerBlock(view)];
  out.push(new Paragraph({ style: "Title", spacing: { before: 360 }, children: [new TextRun(view.title)] }));
  out.push(para(view.summary, "Title"));
  out.push(rule(0.25, BODY_WIDTH));
  out.push(...addressees(view));
  for (const section of view.sections) {
    out.push(para(section.heading, section.level === 1 ? "Heading1" : "Heading2"));
    for (const p of section.paragraphs) {
      // A line break typed inside a paragraph stays a line break.
      const lines = p.text.split("\n");
      const children: ParagraphChild[] = lines.map(
        (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }),
      );
      out.push(new Paragraph({ style: "Normal", children }));
    }
  }
  out.push(new Paragraph({ style: "Normal", children: [] }));
  out.push(signature(view));
  return out;
}

function tableCell(
  text: string,
  width: number,
  opts: {
    bold?: boolean;
    italics?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    rowSpan?: number;
    columnSpan?: number;
    indent?: number;
  } = {},
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    rowSpan: opts.rowSpan,
    columnSpan: opts.columnSpan,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        style: "TableText",
        alignment: opts.align ?? AlignmentType.LEFT,
        indent: opts.indent ? { left: opts.indent } : undefined,
        children: [new TextRun({ text, bold: opts.bold, italics: opts.italics })],
      }),
    ],
  });
}

function appendix(view: ReportView): (Paragraph | Table)[] {
  const { columns, rows } = view.appendix;
  const fixed = [mm(10), mm(62), mm(16)];
  const rest = APPENDIX_WIDTH - fixed.reduce((a, b) => a + b, 0);
  const each = Math.floor(rest / Math.max(1, columns.length));
  const widths = [...fixed, ...columns.map(() => each)];
  const values = columns.filter((c) => !c.comparison);
  const comparisons = columns.filter((c) => c.comparison);
  const center = AlignmentType.CENTER;
  const head1 = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      tableCell("STT", widths[0], { bold: true, align: center, rowSpan: 2 }),
      tableCell("Chỉ tiêu", widths[1], { bold: true, align: center, rowSpan: 2 }),
      tableCell("ĐVT", widths[2], { bold: true, align: center, rowSpan: 2 }),
      ...values.map((c) => tableCell(c.label, each, { bold: true, align: center, rowSpan: 2 })),
      ...(comparisons.length > 0
        ? [
            tableCell("So sánh (%)", each * comparisons.length, {
              bold: true,
              align: center,
              columnSpan: comparisons.length,
            }),
          ]
        : []),
    ],
  });
  const head2 = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: comparisons.map((c) => tableCell(c.label, each, { bold: true, align: center })),
  });
  const numbers = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ["A", "B", "C", ...columns.map((c) => c.number)].map((n, i) =>
      tableCell(n, widths[i], { italics: true, align: center }),
    ),
  });
  const dataRows = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          tableCell(row.stt, widths[0], { bold: row.depth === 0, align: center }),
          tableCell(row.depth === 2 ? `- ${row.name}` : row.name, widths[1], {
            bold: row.depth < 2,
            italics: row.depth === 2,
            indent: row.depth === 2 ? mm(3) : 0,
          }),
          tableCell(row.unit, widths[2], { align: center }),
          ...columns.map((c) =>
            tableCell(row.depth === 0 ? "" : cellText(row.cells[c.id], c.comparison, row.decimals), each, {
              align: AlignmentType.RIGHT,
            }),
          ),
        ],
      }),
  );
  return [
    para(view.appendix.heading, "Title"),
    para(view.appendix.title, "Title", { size: 13 }),
    para(view.appendix.attached, "Title", { bold: false, italics: true, size: 13 }),
    rule(0.2, APPENDIX_WIDTH),
    new Table({
      width: { size: APPENDIX_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [head1, head2, numbers, ...dataRows],
    }),
  ];
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        style: "HeaderBlock",
        children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })],
      }),
    ],
  });
}

/** The .docx file. */
export async function reportDocx(view: ReportView): Promise<Uint8Array> {
  const doc = new Document({
    creator: "ChiTieu",
    title: view.summary,
    styles: STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: BODY_MARGIN },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: body(view),
      },
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: APPENDIX_MARGIN,
          },
        },
        headers: { default: pageNumberHeader() },
        children: appendix(view),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
