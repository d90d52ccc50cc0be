/**
 * What each event tells whom, in both languages, and the e-mail it sends: pure, so the in-app
 * notification and the e-mail say the same thing. The subject is Vietnamese (the recipients' working
 * language); the body gives both languages and the link to the month.
 */
import { formatDay } from "./calendar";

export const NOTIFICATION_KINDS = [
  "returned", // staff: a leader returned the month, with the reason
  "due_soon", // staff: the month is due in 3 days or fewer
  "overdue", // staff and province admins: the month is past its due date, not submitted
  "waiting_approval", // leaders: a month was submitted
  "approved_late", // national viewers: a province's month approved after its due date
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationPayload = {
  provinceVi?: string | null;
  provinceEn?: string | null;
  reason?: string | null;
  by?: string | null;
  due?: string | null;
  days?: number | null;
};

function monthLabel(period: string | null, locale: "vi" | "en"): string {
  if (!period) return "";
  const [y, m] = period.split("-");
  return locale === "vi" ? `tháng ${Number(m)}/${y}` : `${m}/${y}`;
}

/** The notification's sentence, `{vi, en}`. */
export function notificationText(
  kind: NotificationKind,
  period: string | null,
  p: NotificationPayload,
): { vi: string; en: string } {
  const vi = monthLabel(period, "vi");
  const en = monthLabel(period, "en");
  const pvi = p.provinceVi ?? "";
  const pen = p.provinceEn ?? "";
  const due = p.due ? formatDay(p.due) : "";
  switch (kind) {
    case "returned":
      return {
        vi: `Số liệu ${vi} của ${pvi} bị trả lại${p.by ? ` bởi ${p.by}` : ""}. Lý do: ${p.reason ?? "—"}`,
        en: `The figures for ${en} of ${pen} were returned${p.by ? ` by ${p.by}` : ""}. Reason: ${p.reason ?? "—"}`,
      };
    case "due_soon":
      return {
        vi: `Số liệu ${vi} của ${pvi} đến hạn gửi ngày ${due} (còn ${p.days ?? 0} ngày).`,
        en: `The figures for ${en} of ${pen} are due on ${due} (${p.days ?? 0} days left).`,
      };
    case "overdue":
      return {
        vi: `Số liệu ${vi} của ${pvi} đã quá hạn gửi (hạn ${due}, quá ${p.days ?? 0} ngày).`,
        en: `The figures for ${en} of ${pen} are overdue (due ${due}, ${p.days ?? 0} days late).`,
      };
    case "waiting_approval":
      return {
        vi: `Số liệu ${vi} của ${pvi} đã gửi duyệt${p.by ? ` bởi ${p.by}` : ""} và chờ lãnh đạo duyệt.`,
        en: `The figures for ${en} of ${pen} were submitted${p.by ? ` by ${p.by}` : ""} and await approval.`,
      };
    case "approved_late":
      return {
        vi: `${pvi} được duyệt số liệu ${vi} sau hạn ${p.days ?? 0} ngày (hạn ${due}).`,
        en: `${pen}'s figures for ${en} were approved ${p.days ?? 0} days after the due date (${due}).`,
      };
  }
}

/** Where the notification leads: the month on the sheet, the review queue, or the board. */
export function notificationPath(
  kind: NotificationKind,
  provinceId: string | null,
  period: string | null,
): string {
  if (kind === "waiting_approval") return "/review";
  if (kind === "approved_late") return `/submissions?month=${period ?? ""}`;
  return `/entry?province=${provinceId ?? ""}&month=${period ?? ""}`;
}

const SUBJECT_VI: Record<NotificationKind, string> = {
  returned: "Số liệu bị trả lại",
  due_soon: "Sắp đến hạn gửi số liệu",
  overdue: "Số liệu quá hạn gửi",
  waiting_approval: "Số liệu chờ duyệt",
  approved_late: "Số liệu được duyệt sau hạn",
};

/** The e-mail for a notification: a Vietnamese subject, both languages and the link in the body. */
export function notificationMail(
  kind: NotificationKind,
  provinceId: string | null,
  period: string | null,
  payload: NotificationPayload,
  appUrl: string,
): { subject: string; body: string } {
  const text = notificationText(kind, period, payload);
  const link = new URL(notificationPath(kind, provinceId, period), appUrl).toString();
  const subject = `[ChiTieu] ${SUBJECT_VI[kind]}: ${monthLabel(period, "vi")}${payload.provinceVi ? ` — ${payload.provinceVi}` : ""}`;
  const body = [
    text.vi,
    "",
    `Mở: ${link}`,
    "",
    "—",
    text.en,
    `Open: ${link}`,
    "",
    "Bạn nhận thư này vì đã đăng ký địa chỉ trên ChiTieu; tắt thư ở trang Tài khoản.",
    "You get this e-mail because your address is on ChiTieu; turn e-mail off on the Profile page.",
  ].join("\n");
  return { subject, body };
}

/** The weekly digest for a leader: the months waiting for them and the province's overdue months. */
export function digestMail(
  input: {
    provinceVi: string;
    provinceEn: string;
    waiting: string[];
    overdue: string[];
    revisions: number;
  },
  appUrl: string,
): { subject: string; body: string } {
  const list = (months: string[], locale: "vi" | "en") =>
    months.length ? months.map((m) => monthLabel(m, locale)).join(", ") : "—";
  const link = new URL("/review", appUrl).toString();
  return {
    subject: `[ChiTieu] Tổng hợp tuần — ${input.provinceVi}`,
    body: [
      `Tổng hợp tuần của ${input.provinceVi}:`,
      `- Chờ duyệt: ${list(input.waiting, "vi")}`,
      `- Quá hạn chưa gửi: ${list(input.overdue, "vi")}`,
      `- Số liệu được sửa trong tuần: ${input.revisions}`,
      `Mở: ${link}`,
      "",
      "—",
      `Weekly summary for ${input.provinceEn}:`,
      `- Awaiting approval: ${list(input.waiting, "en")}`,
      `- Overdue, not submitted: ${list(input.overdue, "en")}`,
      `- Figures revised this week: ${input.revisions}`,
      `Open: ${link}`,
    ].join("\n"),
  };
}
