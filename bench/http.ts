/**
 * The app over HTTP at national scale, against a floor measured in the same run (issue 12).
 *
 * Loads the national dataset (every province × every monthly indicator × 2017–2026, a 2026 target
 * each) into a fresh PostgreSQL database, starts the production app on it (`scripts/start.ts`,
 * which builds when the build is missing or older than the source) and a floor — a bare
 * `node:http` server answering with the same figures and targets of 15-2025 and its predecessors,
 * fetched with raw SQL — and measures both with autocannon, interleaved so that machine noise hits
 * both alike: the floor, the province attainment API (a personal access token), the dashboard page
 * and the national comparison (page and API, signed-in cookies), at 1 and 20 connections, then a
 * load test at 50 connections with its error count. Prints the issue's table, the ratios to the
 * floor, the p95s, the dashboard's HTML size and every page's first-load JavaScript (gzip).
 *
 * Run: npm run bench:http
 *   BENCH_DURATION=10       seconds per 1- and 20-connection run
 *   BENCH_LOAD_DURATION=60  seconds of the 50-connection load test (0 skips it)
 *   BENCH_ROUNDS=2          rounds of the 1- and 20-connection runs
 *   BENCH_WARMUP=10         seconds of warm-up per case (5 connections, not counted)
 *   BENCH_DATABASE_URL      the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_HTTP_DB           the database created (and dropped) on it (default chitieu_bench_http)
 *   BENCH_APP_PORT=3204, BENCH_FLOOR_PORT=3205, WEB_CONCURRENCY (passed to the app)
 *   BENCH_SERVE=1           measure nothing: keep the app and the data up until Ctrl-C
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDb } from "../db/index";
import { migrate } from "../db/migrate";
import { createApiToken } from "../db/queries/tokens";
import { users } from "../db/schema";
import { hashPassword } from "../lib/passwords";
import { percentile } from "./lib";
import { loadNationalData } from "./national-data";
import { firstLoadJs } from "./next-build";

const root = path.resolve(import.meta.dirname, "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const LOAD_DURATION = Number(process.env.BENCH_LOAD_DURATION ?? 60);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3204);
const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? 3205);
const BASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DB_NAME = process.env.BENCH_HTTP_DB ?? "chitieu_bench_http";
const PROVINCE = "15-2025";
const PERIOD = "2026-Q3";
const PASSWORD = "bench-password-2026";

const dbUrl = (() => {
  const url = new URL(BASE);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
})();

// ── The database ────────────────────────────────────────────────────────────

async function prepareDatabase() {
  const admin = postgres(BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
  await admin.unsafe(`create database "${DB_NAME}"`);
  await admin.end();
  const handle = openDb({ url: dbUrl });
  await migrate(handle);
  const started = performance.now();
  const count = await loadNationalData(
    handle.db,
    Array.from({ length: 10 }, (_, i) => 2017 + i),
    2026,
  );
  console.log(`loaded ${count} figures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const passwordHash = await hashPassword(PASSWORD);
  const [leader, national] = await handle.db
    .insert(users)
    .values([
      {
        username: "bench.lanhdao",
        displayName: "Bench leader",
        passwordHash,
        role: "leader",
        provinceId: PROVINCE,
      },
      { username: "bench.bo", displayName: "Bench national", passwordHash, role: "national" },
    ])
    .returning();
  const leaderToken = (await createApiToken(handle.db, leader.id, "bench")).secret;
  const nationalToken = (await createApiToken(handle.db, national.id, "bench")).secret;
  await handle.close();
  return { leaderToken, nationalToken };
}

async function dropDatabase() {
  const admin = postgres(BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
  await admin.end();
}

// ── The floor: the same figures and targets, raw SQL, a bare server ────────

async function startFloor() {
  const sql = postgres(dbUrl, { max: 10, onnotice: () => {} });
  const server = http.createServer(async (_req, res) => {
    try {
      const ids = [
        PROVINCE,
        ...(await sql`select id from provinces where successor_id = ${PROVINCE}`).map((r) => r.id as string),
      ];
      const [figureRows, targetRows] = await Promise.all([
        sql`select province_id, indicator_code, period, measure, value, vintage from figures
            where province_id in ${sql(ids)} and year in (2025, 2026)`,
        sql`select * from targets where province_id in ${sql(ids)} and year = 2026`,
      ]);
      const body = JSON.stringify({ figures: figureRows, targets: targetRows });
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(FLOOR_PORT, "127.0.0.1", resolve));
  return {
    close: async () => {
      server.close();
      await sql.end();
    },
  };
}

// ── The app ─────────────────────────────────────────────────────────────────

async function startApp(): Promise<ChildProcess> {
  // The bench runs with --conditions=react-server (for server-only modules); the app must not.
  const { NODE_OPTIONS: _, ...env } = process.env;
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    // Its own process group, so that stopping it stops `next start` (and a cluster's processes) too.
    detached: true,
    env: {
      ...env,
      DATABASE_URL: dbUrl,
      PORT: String(APP_PORT),
      AUTH_SECRET: randomBytes(33).toString("base64"),
      CHITIEU_DEMO: "0",
    },
  });
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${APP_PORT}/login`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the app did not start in 15 minutes");
}

/** Signs in through Auth.js's credentials endpoint, as the login form does; returns the Cookie header. */
async function signIn(username: string): Promise<string> {
  const app = `http://127.0.0.1:${APP_PORT}`;
  const csrf = await fetch(`${app}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${app}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, callbackUrl: "/" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`signing in ${username} failed (${res.status})`);
  return session.split(";")[0];
}

// ── Measuring ──────────────────────────────────────────────────────────────

type Case = { name: string; url: string; headers: Record<string, string> };
type Run = { rps: number; p50: number; p95: number; p975: number; errors: number; requests: number };

async function measure(c: Case, connections: number, duration: number): Promise<Run> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: c.url, headers: c.headers, connections, duration }, (error, r) =>
      error ? reject(error) : resolve(r),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p975: percentile(latencies, 97.5),
    errors,
    requests: result.requests.total,
  };
}

async function check(c: Case, expect: (body: string) => boolean) {
  const res = await fetch(c.url, { headers: c.headers, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200 || !expect(body))
    throw new Error(`${c.name}: ${res.status} ${body.slice(0, 300)} — the bench would measure an error`);
  return body;
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);
const range = (xs: number[], f: (n: number) => string) => {
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  return f(lo) === f(hi) ? f(lo) : `${f(lo)}–${f(hi)}`;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const { leaderToken, nationalToken } = await prepareDatabase();
  const floor = await startFloor();
  let app: ChildProcess | null = null;
  try {
    app = await startApp();
    const [leaderCookie, nationalCookie] = [await signIn("bench.lanhdao"), await signIn("bench.bo")];
    if (process.env.BENCH_SERVE) {
      // Keep the app and its data up to look at by hand; Ctrl-C drops the database.
      console.log(
        `serving: leader cookie ${leaderCookie}\nnational cookie ${nationalCookie}\ntoken ${leaderToken}`,
      );
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
      return;
    }
    const at = (p: string) => `http://127.0.0.1:${APP_PORT}${p}`;
    const cases: Case[] = [
      { name: "floor", url: `http://127.0.0.1:${FLOOR_PORT}/`, headers: {} },
      {
        name: `GET /api/v1/provinces/${PROVINCE}/attainment?period=${PERIOD}`,
        url: at(`/api/v1/provinces/${PROVINCE}/attainment?period=${PERIOD}`),
        headers: { authorization: `Bearer ${leaderToken}` },
      },
      {
        name: `dashboard page /?period=${PERIOD}`,
        url: at(`/?period=${PERIOD}`),
        headers: { cookie: leaderCookie },
      },
      {
        name: `national page /national?indicator=CN.IIP&period=${PERIOD}`,
        url: at(`/national?indicator=CN.IIP&period=${PERIOD}`),
        headers: { cookie: nationalCookie },
      },
      {
        name: `GET /api/v1/attainment?period=${PERIOD}&indicator=CN.IIP`,
        url: at(`/api/v1/attainment?period=${PERIOD}&indicator=CN.IIP`),
        headers: { authorization: `Bearer ${nationalToken}` },
      },
    ];
    // Every case answers what it should before it is timed (an error page is fast, and wrong).
    await check(cases[0], (b) => JSON.parse(b).figures.length > 0);
    await check(cases[1], (b) => JSON.parse(b).length >= 20);
    const dashboardHtml = await check(cases[2], (b) => b.includes('data-testid="scorecard"'));
    const nationalHtml = await check(cases[3], (b) => b.includes('data-testid="national-table"'));
    await check(cases[4], (b) => JSON.parse(b).length >= 30);
    // Warm up, not counted: the first requests compile nothing in production, but fill the caches
    // and pools, and V8 optimizes the render path over the first thousands of requests (the national
    // page fell from 12,4 to 8,7 ms of CPU each over its first 4 500). The floor is warmed alike.
    for (const c of cases) await measure(c, 5, WARMUP);

    const results = new Map<string, Record<number, Run[]>>(
      cases.map((c) => [c.name, { 1: [], 20: [], 50: [] }]),
    );
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of [1, 20]) {
        for (const c of cases) {
          const r = await measure(c, connections, DURATION);
          results.get(c.name)?.[connections].push(r);
          console.log(
            `round ${round + 1} · ${connections} conn · ${c.name}: ${r.rps.toFixed(1)} req/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p97.5 ${ms(r.p975)}, errors ${r.errors}`,
          );
        }
      }
    }
    if (LOAD_DURATION > 0) {
      for (const c of cases) {
        const r = await measure(c, 50, LOAD_DURATION);
        results.get(c.name)?.[50].push(r);
        console.log(
          `load · 50 conn ${LOAD_DURATION} s · ${c.name}: ${r.requests} requests, ${r.rps.toFixed(1)} req/s, p95 ${ms(r.p95)}, errors ${r.errors}`,
        );
      }
    }

    // The issue's table, a column per case; ratios of each round to the floor of the same round.
    const get = (c: Case, n: number) => results.get(c.name)?.[n] ?? [];
    const rows: [string, (c: Case) => string][] = [
      [
        "1 connection, req/s",
        (c) =>
          range(
            get(c, 1).map((r) => r.rps),
            (n) => n.toFixed(0),
          ),
      ],
      [
        "1 connection, p50",
        (c) =>
          range(
            get(c, 1).map((r) => r.p50),
            ms,
          ),
      ],
      [
        "1 connection, p95",
        (c) =>
          range(
            get(c, 1).map((r) => r.p95),
            ms,
          ),
      ],
      [
        "20 connections, req/s",
        (c) =>
          range(
            get(c, 20).map((r) => r.rps),
            (n) => n.toFixed(0),
          ),
      ],
      [
        "20 connections, p95",
        (c) =>
          range(
            get(c, 20).map((r) => r.p95),
            ms,
          ),
      ],
      [
        "20 connections, p97.5",
        (c) =>
          range(
            get(c, 20).map((r) => r.p975),
            ms,
          ),
      ],
    ];
    const ratio = (c: Case, n: number) =>
      range(
        get(c, n).map((r, i) => r.rps / get(cases[0], n)[i].rps),
        (x) => `${(x * 100).toFixed(0)}%`,
      );
    rows.push(
      ["1 connection, app/floor", (c) => ratio(c, 1)],
      ["20 connections, app/floor", (c) => ratio(c, 20)],
    );
    if (LOAD_DURATION > 0) {
      rows.push(
        [`50 connections ${LOAD_DURATION} s, req/s`, (c) => get(c, 50)[0].rps.toFixed(0)],
        [`50 connections ${LOAD_DURATION} s, p95`, (c) => ms(get(c, 50)[0].p95)],
        [
          `50 connections ${LOAD_DURATION} s, errors`,
          (c) => `${get(c, 50)[0].errors} of ${get(c, 50)[0].requests}`,
        ],
      );
    }
    console.log(`\n| | ${cases.map((c) => `\`${c.name}\``).join(" | ")} |`);
    console.log(`|---|${cases.map(() => "---").join("|")}|`);
    for (const [label, cell] of rows) console.log(`| ${label} | ${cases.map(cell).join(" | ")} |`);

    const { gzipSync } = await import("node:zlib");
    console.log(
      `\ndashboard HTML: ${kb(Buffer.byteLength(dashboardHtml))} (${kb(gzipSync(dashboardHtml).length)} gzip); ` +
        `national page HTML: ${kb(Buffer.byteLength(nationalHtml))}`,
    );
    console.log("\nfirst-load JavaScript per page (gzip):");
    for (const { route, bytes } of firstLoadJs(root)) console.log(`  ${route.padEnd(40)} ${kb(bytes)}`);
  } finally {
    if (app?.pid) process.kill(-app.pid, "SIGTERM");
    await floor.close();
    await new Promise((r) => setTimeout(r, 1000));
    await dropDatabase();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
