import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every message exists in both languages, and no two files claim the same namespace. */
function load(locale: string) {
  const dir = path.join(import.meta.dirname, "messages", locale);
  const namespaces = new Map<string, string>();
  const keys: string[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const content = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown>;
    for (const [ns, value] of Object.entries(content)) {
      expect(namespaces.has(ns), `${locale}: namespace ${ns} in ${file} and ${namespaces.get(ns)}`).toBe(
        false,
      );
      namespaces.set(ns, file);
      const walk = (prefix: string, v: unknown): void => {
        if (v && typeof v === "object") for (const [k, c] of Object.entries(v)) walk(`${prefix}.${k}`, c);
        else keys.push(prefix);
      };
      walk(ns, value);
    }
  }
  return keys.sort();
}

describe("messages", () => {
  it("Vietnamese and English have the same keys", () => {
    expect(load("en")).toEqual(load("vi"));
  });
});
