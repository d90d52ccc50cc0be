/**
 * What a person's own password must be (NIST SP 800-63B's approach: length and a blocklist, no
 * composition rules): at least 10 characters, not the username nor containing it, and not one of
 * the most common passwords (case-insensitive). Pure: the current password is checked by the caller.
 */
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
/** The sign-in form accepts 256 characters; a longer password could never be typed there. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = "too_short" | "too_long" | "contains_username" | "common";

/** Characters as a person counts them: "ế" is one, however it was typed (composed or not). */
function length(password: string): number {
  return [...password.normalize("NFC")].length;
}

export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const n = length(password);
  if (n < PASSWORD_MIN_LENGTH) problems.push("too_short");
  if (n > PASSWORD_MAX_LENGTH) problems.push("too_long");
  const lower = password.normalize("NFC").toLowerCase();
  const name = username.toLowerCase();
  // "laocai.canbo" is also refused as "laocaicanbo": the separators add nothing to guess.
  const names = [name, name.replace(/[._-]/g, "")].filter((v) => v.length >= 3);
  if (names.some((v) => lower.includes(v))) problems.push("contains_username");
  if (COMMON_PASSWORDS.has(lower)) problems.push("common");
  return problems;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, { vi: string; en: string }> = {
  too_short: {
    vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
    en: `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
  },
  too_long: {
    vi: `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`,
    en: `The password is at most ${PASSWORD_MAX_LENGTH} characters long.`,
  },
  contains_username: {
    vi: "Mật khẩu không được chứa tên đăng nhập.",
    en: "The password must not contain the username.",
  },
  common: {
    vi: "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ một cụm vài từ.",
    en: "This password is too common and easy to guess. Choose another, for example a few words together.",
  },
};
