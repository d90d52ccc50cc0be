/**
 * `npm start`: the product with demo data, from a fresh clone, with no set-up.
 *  1. embedded mode (no DATABASE_URL): keep a generated AUTH_SECRET in .data/ and turn demo mode on;
 *  2. apply migrations, and seed a database that has never been seeded;
 *  3. build if there is no build, or it is older than the source;
 *  4. run the server (scripts/server.mjs: Next.js, production or --dev) on $PORT (3000) — with PostgreSQL and
 *     WEB_CONCURRENCY > 1 (or `auto`, one per core), that many server processes sharing the
 *     port through node:cluster (the primary hands connections out in turn), restarted if one dies.
 * Migrating and seeding happen here, before the server opens the database, because PGlite allows
 * one process per data directory.
 */
import { spawn } from "node:child_process";
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDbFromEnv } from "../db/index";
import { migrate } from "../db/migrate";
import { isEmpty, seed } from "../db/seed";
import { readEnv, serverProcesses } from "../lib/env";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const started = Date.now();
const log = (message: string) =>
  console.log(`[chitieu] ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

function demoSecret(): string {
  const file = path.join(root, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "db", "lib", "i18n"]
    .map((d) => path.join(root, d))
    .filter((d) => fs.existsSync(d));
  const files = ["proxy.ts", "instrumentation.ts", "next.config.js", "package.json"].map((f) =>
    path.join(root, f),
  );
  return (
    Math.max(
      ...sources.map(newestSourceTime),
      ...files.filter(fs.existsSync).map((f) => fs.statSync(f).mtimeMs),
    ) > built
  );
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: process.env });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!process.env.DATABASE_URL) {
    process.env.AUTH_SECRET ||= demoSecret();
    process.env.CHITIEU_DEMO ||= "1";
  }
  const env = readEnv();

  const handle = openDbFromEnv();
  try {
    await migrate(handle);
    if (await isEmpty(handle.db)) {
      log(`seeding the ${handle.kind === "pglite" ? "embedded" : "PostgreSQL"} database with demo data`);
      await seed(handle.db, { demoAccounts: env.demoMode });
    }
  } finally {
    await handle.close();
  }
  log(`database ready (${handle.kind === "pglite" ? `embedded, ${env.pgliteDir}` : "PostgreSQL"})`);

  const next = path.join(root, "node_modules", ".bin", "next");
  const port = process.env.PORT || "3000";
  process.env.PORT = port;
  // The server (scripts/server.mjs) runs Next.js itself: it alone sees the socket's address.
  const server = [path.join(root, "scripts", "server.mjs")];
  if (dev) return run(process.execPath, [...server, "--dev"]);
  if (needsBuild()) {
    log("building (first start or changed source)");
    await run(next, ["build"]);
  }
  const processes = serverProcesses(env, os.availableParallelism());
  if (processes > 1) return startCluster(processes, port);
  log(`starting on http://localhost:${port}`);
  // The server replaces nothing here: forward signals so stopping `npm start` stops it.
  const child = spawn(process.execPath, server, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

/** `processes` copies of the server on one port (node:cluster); each has its own database pool. */
function startCluster(processes: number, port: string) {
  log(`starting ${processes} server processes on http://localhost:${port}`);
  cluster.setupPrimary({
    exec: path.join(root, "scripts", "server.mjs"),
    args: [],
  });
  let stopping = false;
  for (let i = 0; i < processes; i++) cluster.fork({ NODE_ENV: "production" });
  const restarts: number[] = [];
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // A process that keeps dying (a port in use, a bad build) is not restarted for ever.
    restarts.push(Date.now());
    if (restarts.filter((t) => t > Date.now() - 60_000).length > 2 * processes) {
      console.error("[chitieu] server processes keep exiting; stopping");
      process.exit(1);
    }
    console.error(
      `[chitieu] server process ${worker.process.pid} exited (${signal ?? code}); starting another`,
    );
    cluster.fork({ NODE_ENV: "production" });
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      setTimeout(() => process.exit(0), 5000).unref();
      cluster.on("exit", () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
