/**
 * First-load JavaScript per page, read from the production build (`.next`): the root main files
 * every page loads (build-manifest.json) plus the chunks of the page's layouts and page (each page's
 * client reference manifest, `entryJSFiles`), each counted once, gzip-compressed as served.
 * Chunks loaded later (a `dynamic()` import, say) are not in `entryJSFiles`, so they do not count.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

function manifests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return manifests(full);
    return e.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

export function firstLoadJs(root: string): { route: string; bytes: number; files: number }[] {
  const next = path.join(root, ".next");
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSync(fs.readFileSync(path.join(next, file)), { level: 9 }).length;
      sizes.set(file, size);
    }
    return size;
  };
  const out: { route: string; bytes: number; files: number }[] = [];
  for (const file of manifests(path.join(next, "server", "app"))) {
    const text = fs.readFileSync(file, "utf8");
    const match = /__RSC_MANIFEST\[("[^"]+")\]\s*=\s*(\{.*\})\s*;?\s*$/s.exec(text);
    if (!match) continue;
    const route = (JSON.parse(match[1]) as string)
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/^$/, "/");
    if (route.startsWith("/_")) continue;
    const manifest = JSON.parse(match[2]) as { entryJSFiles?: Record<string, string[]> };
    const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()]);
    out.push({
      route: route || "/",
      bytes: [...files].reduce((sum, f) => sum + gz(f), 0),
      files: files.size,
    });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { route, bytes, files } of firstLoadJs(path.resolve(import.meta.dirname, "..")))
    console.log(`${route.padEnd(40)} ${(bytes / 1024).toFixed(1)} KB gzip (${files} files)`);
}
