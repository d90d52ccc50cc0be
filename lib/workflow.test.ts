import { describe, expect, it } from "vitest";
import { isEditable, lockMessage, nextStatus, STATUSES, TRANSITIONS } from "./workflow";

describe("the month's workflow", () => {
  // Every status × transition, written out: null means the transition does not apply.
  const EXPECTED = {
    draft: { submit: "submitted", approve: null, return: null, reopen: null },
    submitted: { submit: null, approve: "approved", return: "returned", reopen: null },
    approved: { submit: null, approve: null, return: null, reopen: "draft" },
    returned: { submit: "submitted", approve: null, return: null, reopen: null },
  } as const;
  for (const status of STATUSES) {
    for (const transition of TRANSITIONS) {
      it(`${status} --${transition}--> ${EXPECTED[status][transition]}`, () => {
        expect(nextStatus(status, transition)).toBe(EXPECTED[status][transition]);
      });
    }
  }

  it("only draft and returned months can be written", () => {
    expect(STATUSES.filter(isEditable)).toEqual(["draft", "returned"]);
  });

  it("a locked month says who locked it and who can unlock it", () => {
    const message = lockMessage(
      { status: "approved", by: "Lãnh đạo A", at: new Date() },
      () => "05/11/2026 09:00",
    );
    expect(message.vi).toContain("Lãnh đạo A");
    expect(message.vi).toContain("quản trị tỉnh");
    expect(message.en).toContain("province admin");
  });
});
