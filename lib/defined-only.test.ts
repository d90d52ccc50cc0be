import { describe, expect, it } from "vitest";
import { definedOnly } from "./defined-only";

describe("definedOnly", () => {
  it("leaves out undefined properties and keeps every other value, falsy ones too", () => {
    const out = definedOnly({ a: 1, b: undefined, c: null, d: "", e: 0, f: false, g: { h: undefined } });
    expect(Object.keys(out)).toEqual(["a", "c", "d", "e", "f", "g"]);
    expect(out).toEqual({ a: 1, c: null, d: "", e: 0, f: false, g: { h: undefined } });
  });
});
