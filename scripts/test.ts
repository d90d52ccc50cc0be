/**
 * `npm test`: the whole suite, in order, stopping at the first failure —
 * type-check, lint, unit and integration tests (vitest; on PostgreSQL too when TEST_DATABASE_URL
 * is set), the production build, and the browser tests (Playwright, Debian's Chromium).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const results = path.join(root, ".data", "test-results");
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
const vitestJson = path.join(results, "vitest.json");
const playwrightJson = path.join(results, "playwright.json");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson };

const steps: [string, string, string[]][] = [
  ["type-check", bin("tsc"), ["--noEmit"]],
  ["lint", bin("biome"), ["check", "."]],
  [
    "unit and integration tests",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`],
  ],
  ["production build", bin("next"), ["build"]],
  ["browser tests", bin("playwright"), ["test", "--reporter=list,json"]],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✗ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}

/** One closing line for the whole suite, counted from both runners' JSON reports. */
function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}
const unit = readJson(vitestJson) as { numPassedTests: number; numFailedTests: number };
const browser = readJson(playwrightJson) as {
  stats: { expected: number; unexpected: number; flaky: number };
};
const passed = unit.numPassedTests + browser.stats.expected + browser.stats.flaky;
const failed = unit.numFailedTests + browser.stats.unexpected;
console.log(
  `\nunit and integration: ${unit.numPassedTests} passed; browser: ${browser.stats.expected} passed`,
);
console.log(`${passed} passed, ${failed} failed`);
