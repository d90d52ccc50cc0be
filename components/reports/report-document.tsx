import type { ReactNode } from "react";
import type { ViewParagraph, ViewSection } from "@/lib/report-edits";
import { cellText } from "@/lib/report-table";
import type { ReportView } from "@/lib/report-view";

type Slots = {
  /** Replaces a paragraph on the page (the editor); the printed report uses the plain paragraph. */
  paragraph?: (paragraph: ViewParagraph, section: ViewSection) => ReactNode;
  /** After a section's paragraphs (the editor's "add a paragraph"). */
  sectionEnd?: (section: ViewSection) => ReactNode;
};

/**
 * The report as it prints (Nghị định 30/2020): header block, title, body, signature and
 * recipients, and the appendix table on its own landscape pages. No hooks and no browser APIs, so
 * the same component renders the page, the editor and the PDF (rendered to static HTML).
 */
export function ReportDocument({ view, slots = {} }: { view: ReportView; slots?: Slots }) {
  return (
    <article className="rd-doc" lang="vi" data-testid="report-document">
      <section className="rd-body rd-sheet">
        <table className="rd-blocks rd-head">
          <tbody>
            <tr>
              <td className="rd-head-left">
                <p className="rd-super">{view.header.supervisingBody}</p>
                <p className="rd-issuer">{view.header.issuingBody}</p>
                <hr className="rd-rule rd-rule-issuer" />
                <p className="rd-number" data-testid="report-number">
                  {view.header.numberLine}
                </p>
              </td>
              <td className="rd-head-right">
                <p className="rd-nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
                <p className="rd-motto">Độc lập - Tự do - Hạnh phúc</p>
                <hr className="rd-rule rd-rule-motto" />
                <p className="rd-date" data-testid="report-date">
                  {view.header.placeDate}
                </p>
              </td>
            </tr>
          </tbody>
        </table>

        <h1 className="rd-title">{view.title}</h1>
        <p className="rd-summary">{view.summary}</p>
        <hr className="rd-rule rd-rule-title" />

        {view.addressees.length > 0 && (
          <div className="rd-to">
            <span>Kính gửi:</span>
            {view.addressees.length === 1 ? (
              <span>{view.addressees[0]}.</span>
            ) : (
              <ul>
                {view.addressees.map((a, i) => (
                  <li key={a}>
                    - {a}
                    {i === view.addressees.length - 1 ? "." : ";"}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        {view.sections.map((section) => (
          <div key={section.key} className="rd-section" data-section={section.key}>
            {section.level === 1 ? (
              <h2 className="rd-h1">{section.heading}</h2>
            ) : (
              <h3 className="rd-h2">{section.heading}</h3>
            )}
            {section.paragraphs.map((p) =>
              slots.paragraph ? (
                <div key={p.key}>{slots.paragraph(p, section)}</div>
              ) : (
                <p key={p.key} className="rd-p" data-paragraph={p.key}>
                  {p.text}
                </p>
              ),
            )}
            {slots.sectionEnd?.(section)}
          </div>
        ))}

        <table className="rd-blocks rd-sign">
          <tbody>
            <tr>
              <td className="rd-recipients">
                <p className="rd-recipients-title">Nơi nhận:</p>
                {view.recipients.map((line) => (
                  <p key={line} className="rd-recipient">
                    {line}
                  </p>
                ))}
              </td>
              <td className="rd-signer">
                {view.signature.authority && <p>{view.signature.authority}</p>}
                <p>{view.signature.title}</p>
                <div className="rd-sign-space" />
                <p data-testid="report-signer">{view.signature.name}</p>
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <ReportAppendix view={view} />
    </article>
  );
}

function ReportAppendix({ view }: { view: ReportView }) {
  const { appendix } = view;
  const values = appendix.columns.filter((c) => !c.comparison);
  const comparisons = appendix.columns.filter((c) => c.comparison);
  const wide = appendix.columns.length > 11;
  return (
    <section className="rd-appendix rd-sheet" data-testid="report-appendix">
      <p className="rd-app-heading">{appendix.heading}</p>
      <p className="rd-app-title">{appendix.title}</p>
      <p className="rd-app-attached">{appendix.attached}</p>
      <hr className="rd-rule rd-rule-appendix" />
      <div className="rd-scroll">
        <table className={`rd-table${wide ? " rd-wide" : ""}`} data-testid="report-table">
          <thead>
            <tr>
              <th rowSpan={2} className="rd-c-stt">
                STT
              </th>
              <th rowSpan={2} className="rd-c-name">
                Chỉ tiêu
              </th>
              <th rowSpan={2} className="rd-c-unit">
                ĐVT
              </th>
              {values.map((c) => (
                <th key={c.id} rowSpan={2}>
                  {c.label}
                </th>
              ))}
              {comparisons.length > 0 && <th colSpan={comparisons.length}>So sánh (%)</th>}
            </tr>
            <tr>
              {comparisons.map((c) => (
                <th key={c.id}>{c.label}</th>
              ))}
            </tr>
            <tr className="rd-colnum">
              <th>A</th>
              <th>B</th>
              <th>C</th>
              {appendix.columns.map((c) => (
                <th key={c.id}>{c.number}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {appendix.rows.map((row) => (
              <tr
                key={row.indicator ?? row.name}
                className={row.depth === 0 ? "rd-group" : row.depth === 1 ? "rd-item" : "rd-child"}
                data-indicator={row.indicator ?? undefined}
              >
                <td className="rd-stt">{row.stt}</td>
                <td className="rd-name">{row.depth === 2 ? `- ${row.name}` : row.name}</td>
                <td className="rd-unit">{row.unit}</td>
                {appendix.columns.map((c) => (
                  <td key={c.id} className="rd-num" data-column={c.id}>
                    {row.depth === 0 ? "" : cellText(row.cells[c.id], c.comparison, row.decimals)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
