import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * lib/attainment.ts and its helpers (month sums, index levels, the merger, series) once imported
 * each other for one shared type; the shared figure types now live in lib/figure-types.ts. No
 * module of lib/ imports one that imports it back, directly or through others (issue 8, point 15).
 */
const libDir = path.dirname(new URL(import.meta.url).pathname);

function localImports(file: string): string[] {
  const source = fs.readFileSync(path.join(libDir, file), "utf8");
  const out: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)[^;]*?from\s+"(\.\/[^"]+|@\/lib\/[^"]+)"/gms)) {
    const spec = match[1].replace(/^@\/lib\//, "./");
    const target = `${spec.slice(2)}.ts`;
    if (fs.existsSync(path.join(libDir, target))) out.push(target);
  }
  return out;
}

describe("lib/ has no import cycles", () => {
  const files = fs.readdirSync(libDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  const graph = new Map(files.map((f) => [f, localImports(f)]));

  it("reads the imports it checks", () => {
    expect(graph.get("attainment.ts")).toContain("month-sums.ts");
    expect(graph.get("month-sums.ts")).toContain("figure-types.ts");
  });

  it("finds no module that reaches itself through its imports", () => {
    const cycles: string[] = [];
    for (const start of files) {
      const seen = new Set<string>();
      const stack = [...(graph.get(start) ?? [])];
      while (stack.length > 0) {
        const next = stack.pop() as string;
        if (next === start) {
          cycles.push(start);
          break;
        }
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(...(graph.get(next) ?? []));
      }
    }
    expect(cycles).toEqual([]);
  });
});
