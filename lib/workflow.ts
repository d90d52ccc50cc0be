/**
 * The month's workflow (domain.md §6): draft → submitted → approved (locked) or returned (back to
 * the staff); an approved month is reopened by the province admin. Pure: the rules, not the storage.
 */
import type { ProvinceAction } from "./permissions";

export const STATUSES = ["draft", "submitted", "approved", "returned"] as const;
export type Status = (typeof STATUSES)[number];
export const TRANSITIONS = ["submit", "approve", "return", "reopen"] as const;
export type Transition = (typeof TRANSITIONS)[number];

const RULES: Record<
  Transition,
  { from: readonly Status[]; to: Status; permission: ProvinceAction; needsReason: boolean }
> = {
  submit: { from: ["draft", "returned"], to: "submitted", permission: "submit", needsReason: false },
  approve: { from: ["submitted"], to: "approved", permission: "approve", needsReason: false },
  return: { from: ["submitted"], to: "returned", permission: "return", needsReason: true },
  reopen: { from: ["approved"], to: "draft", permission: "reopen", needsReason: true },
};

export function transitionRule(transition: Transition) {
  return RULES[transition];
}

/** The status after a transition, or null when the transition does not apply to that status. */
export function nextStatus(current: Status, transition: Transition): Status | null {
  const rule = RULES[transition];
  return rule.from.includes(current) ? rule.to : null;
}

/** Figures of a month can be written only while the staff hold it. */
export function isEditable(status: Status): boolean {
  return status === "draft" || status === "returned";
}

export type LockReason = { status: Status; by: string | null; at: Date | null };

/** Why a month cannot be written, and who can change that, in both languages. */
export function lockMessage(lock: LockReason, format: (d: Date) => string): { vi: string; en: string } {
  const who = lock.by ?? "—";
  const when = lock.at ? format(lock.at) : "—";
  if (lock.status === "approved") {
    return {
      vi: `Tháng này đã được duyệt (khóa) bởi ${who} lúc ${when}. Chỉ quản trị tỉnh có thể mở lại.`,
      en: `This month was approved (locked) by ${who} on ${when}. Only the province admin can reopen it.`,
    };
  }
  return {
    vi: `Tháng này đã gửi duyệt bởi ${who} lúc ${when} và đang chờ lãnh đạo duyệt. Lãnh đạo Sở có thể trả lại để sửa.`,
    en: `This month was submitted by ${who} on ${when} and awaits approval. A leader can return it for changes.`,
  };
}
