import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords";
import localPasswords from "./local-common-passwords.json";
import { PASSWORD_PROBLEM_MESSAGES, passwordProblems } from "./password-policy";

describe("password policy", () => {
  it("accepts a long, uncommon password", () => {
    expect(passwordProblems("mưa rào tháng bảy", "laocai.canbo")).toEqual([]);
    expect(passwordProblems("correct-horse-battery", "laocai.canbo")).toEqual([]);
  });

  it("needs at least 10 characters, counted as a person counts them", () => {
    expect(passwordProblems("abcdefghi", "x.user")).toEqual(["too_short"]);
    expect(passwordProblems("abcdefghij", "x.user")).toEqual([]);
    // "Hà Nội đẹp" is 10 characters whether typed composed or decomposed (NFD is 13 code points).
    expect(passwordProblems("Hà Nội đẹp".normalize("NFD"), "x.user")).toEqual([]);
    expect(passwordProblems("x".repeat(257), "x.user")).toContain("too_long");
  });

  it("refuses the username, inside the password or without its dots, in any case", () => {
    expect(passwordProblems("laocai.canbo", "laocai.canbo")).toContain("contains_username");
    expect(passwordProblems("LaoCai.CanBo2026", "laocai.canbo")).toContain("contains_username");
    expect(passwordProblems("laocaicanbo-2026", "laocai.canbo")).toContain("contains_username");
  });

  it("refuses the most common passwords, case-insensitively", () => {
    expect(passwordProblems("password123", "x.user")).toEqual(["common"]);
    expect(passwordProblems("QWERTYUIOP", "x.user")).toEqual(["common"]);
    expect(passwordProblems("1234567890", "x.user")).toEqual(["common"]);
    expect(passwordProblems("Matkhau@123", "x.user")).toEqual(["common"]);
    // The demo password is published in the README.
    expect(passwordProblems("chitieu-demo", "x.user")).toEqual(["common"]);
  });

  it("the list holds about 1,600 lower-case entries, none of which the length rule would already refuse", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(1500);
    expect(COMMON_PASSWORDS.size).toBeLessThan(2000);
    for (const p of COMMON_PASSWORDS) {
      expect(p).toBe(p.toLowerCase());
      expect([...p].length).toBeGreaterThanOrEqual(10);
    }
  });

  it("refuses every common password of 10+ characters of the maintained zxcvbn-ts list, and the local additions", () => {
    const fromPackage = dictionary["passwords-common"]
      .map((p) => p.toLowerCase())
      .filter((p) => [...p].length >= 10);
    expect(fromPackage.length).toBeGreaterThan(1500);
    for (const p of fromPackage) expect(passwordProblems(p.toUpperCase(), "x.user")).toContain("common");
    // The local additions are data (a JSON file), not already in the package's list.
    expect(localPasswords.length).toBeGreaterThan(20);
    for (const p of localPasswords) {
      expect(fromPackage).not.toContain(p);
      expect(passwordProblems(p, "x.user")).toContain("common");
    }
    expect(COMMON_PASSWORDS.size).toBe(new Set([...fromPackage, ...localPasswords]).size);
  });

  it("says every problem in both languages", () => {
    for (const m of Object.values(PASSWORD_PROBLEM_MESSAGES)) {
      expect(m.vi).not.toBe("");
      expect(m.en).not.toBe("");
    }
  });
});
