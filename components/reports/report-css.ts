/**
 * The report's stylesheet: one for the page, the browser's print and the server's PDF, so what the
 * page shows is what prints. Nghị định 30/2020 sizes (report-layout.md §1): A4, margins 20/15/20/30
 * mm, body 14 pt justified with a 1,27 cm first-line indent, page numbers top-centre from page 2,
 * the appendix on landscape pages with its header repeated on each.
 */
export const REPORT_CSS = `
.rd-doc { font-family: "Tinos", "Times New Roman", serif; color: #000; font-size: 14pt; line-height: 1.3; }
.rd-doc p { margin: 0; }
.rd-doc .rd-blocks { width: 100%; border-collapse: collapse; table-layout: fixed; }
.rd-doc .rd-blocks td { vertical-align: top; text-align: center; padding: 0; }
.rd-head-left { width: 40%; }
.rd-head-right { width: 60%; }
.rd-super { font-size: 13pt; }
.rd-issuer { font-size: 13pt; font-weight: bold; }
.rd-rule { border: 0; border-top: 0.75pt solid #000; margin: 1pt auto 0; height: 0; }
.rd-rule-issuer { width: 35%; }
.rd-rule-motto { width: 62%; }
.rd-rule-title { width: 25%; margin-top: 3pt; }
.rd-rule-appendix { width: 20%; margin-top: 3pt; }
.rd-number { font-size: 13pt; margin-top: 6pt !important; }
.rd-nation { font-size: 13pt; font-weight: bold; white-space: nowrap; }
.rd-motto { font-size: 14pt; font-weight: bold; }
.rd-date { font-size: 14pt; font-style: italic; margin-top: 6pt !important; }
.rd-title { font-size: 14pt; font-weight: bold; text-align: center; margin: 18pt 0 0; }
.rd-summary { font-size: 14pt; font-weight: bold; text-align: center; }
.rd-to { margin: 12pt 0 6pt; display: flex; justify-content: center; gap: 0.4em; }
.rd-to ul { list-style: none; margin: 0; padding: 0; }
.rd-section { margin-top: 6pt; }
.rd-h1, .rd-h2 { font-size: 14pt; font-weight: bold; margin: 6pt 0 6pt; text-indent: 1.27cm; text-align: justify; }
.rd-p { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt !important; white-space: pre-line; }
.rd-sign { margin-top: 12pt; break-inside: avoid; }
.rd-doc .rd-blocks td.rd-recipients { width: 45%; text-align: left; }
.rd-signer { width: 55%; }
.rd-recipients-title { font-size: 12pt; font-weight: bold; font-style: italic; }
.rd-recipient { font-size: 11pt; }
.rd-signer p { font-size: 14pt; font-weight: bold; }
.rd-sign-space { height: 28mm; }
.rd-app-heading { font-size: 14pt; font-weight: bold; text-align: center; }
.rd-app-title { font-size: 13pt; font-weight: bold; text-align: center; }
.rd-app-attached { font-size: 13pt; font-style: italic; text-align: center; }
.rd-table { width: 100%; border-collapse: collapse; font-size: 10pt; line-height: 1.2; margin-top: 8pt; }
.rd-table.rd-wide { font-size: 8.5pt; }
.rd-table th, .rd-table td { border: 0.5pt solid #000; padding: 2pt 3pt; }
.rd-table th { font-weight: bold; text-align: center; vertical-align: middle; }
.rd-table tr.rd-colnum th { font-weight: normal; font-style: italic; }
.rd-table td.rd-num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.rd-table td.rd-stt, .rd-table td.rd-unit { text-align: center; }
.rd-table tr.rd-group td { font-weight: bold; }
.rd-table tr.rd-item td.rd-name { font-weight: bold; }
.rd-table tr.rd-child td.rd-name { padding-left: 10pt; font-style: italic; }
.rd-table thead { display: table-header-group; }
.rd-table th.rd-c-stt { width: 3.5%; }
.rd-table th.rd-c-name { width: 21%; }
.rd-table th.rd-c-unit { width: 5.5%; }
.rd-table tr { break-inside: avoid; }

@media print {
  @page {
    size: A4 portrait;
    margin: 20mm 15mm 20mm 30mm;
    @top-center { content: counter(page); font-family: "Tinos", serif; font-size: 13pt; vertical-align: bottom; padding-bottom: 4mm; }
  }
  @page :first { @top-center { content: none; } }
  @page appendix { size: A4 landscape; margin: 20mm 15mm 15mm 15mm; }
  .rd-appendix { page: appendix; break-before: page; }
  .rd-screen-only { display: none !important; }
}

@media screen {
  .rd-doc { font-size: 12pt; }
  .rd-sheet { background: #fff; box-shadow: 0 1px 3px rgba(15, 23, 42, 0.2); margin: 0 auto 24px; }
  .rd-body.rd-sheet { max-width: 210mm; padding: 20mm 15mm 20mm 30mm; }
  .rd-appendix.rd-sheet { max-width: 297mm; padding: 15mm; }
  .rd-scroll { overflow-x: auto; }
  .rd-edited { border-left: 3px solid #f59e0b; padding-left: 6px; margin-left: -9px; }
  .rd-doc .rd-super, .rd-doc .rd-issuer, .rd-doc .rd-number, .rd-doc .rd-nation { font-size: 11pt; }
  .rd-doc .rd-motto, .rd-doc .rd-date, .rd-doc .rd-title, .rd-doc .rd-summary,
  .rd-doc .rd-h1, .rd-doc .rd-h2, .rd-doc .rd-signer p, .rd-doc .rd-app-heading { font-size: 12pt; }
  .rd-doc .rd-app-title, .rd-doc .rd-app-attached { font-size: 11pt; }
  .rd-doc .rd-recipients-title { font-size: 10.5pt; }
  .rd-doc .rd-recipient { font-size: 9.5pt; }
}
@media screen and (max-width: 720px) {
  .rd-doc { font-size: 10.5pt; }
  .rd-body.rd-sheet, .rd-appendix.rd-sheet { padding: 14px 12px; }
  .rd-doc .rd-super, .rd-doc .rd-issuer, .rd-doc .rd-number, .rd-doc .rd-nation { font-size: 7.5pt; }
  .rd-doc .rd-nation { white-space: normal; }
  .rd-doc .rd-motto, .rd-doc .rd-date { font-size: 8pt; }
  .rd-doc .rd-title, .rd-doc .rd-summary, .rd-doc .rd-h1, .rd-doc .rd-h2 { font-size: 10.5pt; }
  .rd-p, .rd-h1, .rd-h2 { text-indent: 0.6cm; }
  .rd-doc .rd-signer p { font-size: 9.5pt; }
  .rd-sign-space { height: 14mm; }
}
`;
