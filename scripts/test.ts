/**
 * `npm test`: the whole suite, in order, stopping at the first failure —
 * type-check, lint, unit and integration tests (vitest; on PostgreSQL too when TEST_DATABASE_URL
 * is set), the production build, and the browser tests (Playwright, Debian's Chromium).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const steps: [string, string, string[]][] = [
  ["type-check", bin("tsc"), ["--noEmit"]],
  ["lint", bin("biome"), ["check", "."]],
  ["unit and integration tests", bin("vitest"), ["run"]],
  ["production build", bin("next"), ["build"]],
  ["browser tests", bin("playwright"), ["test"]],
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
