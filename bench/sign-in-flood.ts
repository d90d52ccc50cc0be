/**
 * How much a flood of unauthenticated sign-ins slows a signed-in person's requests (issue 9): the
 * latency of one API read at rest (the floor, measured in the same run) and during a flood from
 * many addresses (other loopback addresses, each under the per-address limit, as a botnet would
 * send it). Against a running server: `npm start`, then
 *   BENCH_URL=http://127.0.0.1:3000 npx tsx bench/sign-in-flood.ts
 * (demo mode, for the demo account it reads as). Prints the ratio of the two medians. TARGET=one
 * aims every guess at one account, so all but 5 are refused before any hash.
 */
import http from "node:http";
import { DEMO_PASSWORD } from "../db/seed/demo-accounts";
import { summary } from "./lib";

const base = new URL(process.env.BENCH_URL ?? "http://127.0.0.1:3000");
const DURATION_MS = Number(process.env.DURATION ?? 10) * 1000;
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const READS = Number(process.env.READS ?? 40);
const READ_PATH = "/api/v1/provinces/15-2025/figures?period=2026-10";
/** `one`: every guess at one account (refused before hashing after 5); `many`: a new username each time (each hashed). */
const TARGET = process.env.TARGET === "one" ? "one" : "many";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
  localAddress?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, method, path, headers, localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

const cookiesOf = (a: Answer) => (a.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);

async function signIn(username: string, password: string, localAddress?: string) {
  const csrf = await request("GET", "/api/auth/csrf", {}, undefined, localAddress);
  const form = new URLSearchParams({
    csrfToken: JSON.parse(csrf.body).csrfToken,
    username,
    password,
    callbackUrl: "/",
  }).toString();
  const answer = await request(
    "POST",
    "/api/auth/callback/credentials",
    {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(form)),
      cookie: cookiesOf(csrf).join("; "),
    },
    form,
    localAddress,
  );
  return { answer, cookies: cookiesOf(answer) };
}

async function reads(cookie: string, n: number, until?: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n || (until && !until()); i++) {
    const started = performance.now();
    const r = await request("GET", READ_PATH, { cookie });
    if (r.status !== 200) throw new Error(`read answered ${r.status}`);
    samples.push(performance.now() - started);
    if (until?.()) break;
  }
  return samples;
}

const session = await signIn("laocai.canbo", DEMO_PASSWORD, "127.0.0.1");
const cookie = session.cookies.find((c) => c.includes("session-token"));
if (!cookie) throw new Error(`could not sign in: ${session.answer.headers.location}`);
await reads(cookie, 5); // warm
const floor = await reads(cookie, READS);

const outcomes = new Map<string, number>();
let stop = false;
let sent = 0;
async function flooder(worker: number) {
  let attempt = 0;
  while (!stop) {
    // A new address every 10 attempts: the per-address limit (20) never stops this flood.
    const address = `127.${1 + worker}.${Math.floor(attempt / 10) % 250}.${1 + (Math.floor(attempt / 2500) % 250)}`;
    const username = TARGET === "one" ? "laocai.lanhdao" : `flood.${worker}.${attempt}`;
    const { answer } = await signIn(username, "wrong-password", address);
    const code = /code=([a-z_]+)/.exec(String(answer.headers.location ?? ""))?.[1] ?? String(answer.status);
    outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    sent++;
    attempt++;
  }
}
const started = performance.now();
const flood = Array.from({ length: CONCURRENCY }, (_, w) => flooder(w));
await new Promise((resolve) => setTimeout(resolve, 1000));
const during = await reads(cookie, READS, () => performance.now() - started > DURATION_MS);
stop = true;
await Promise.all(flood);
const seconds = (performance.now() - started) / 1000;

const floorSummary = summary(floor);
const duringSummary = summary(during);
console.log("signed-in read during a sign-in flood, ms", {
  floor: floorSummary,
  "during flood": duringSummary,
  "ratio to floor (p50)": (Number(duringSummary.p50) / Number(floorSummary.p50)).toFixed(1),
  "sign-ins sent": sent,
  "per second": (sent / seconds).toFixed(0),
  answers: Object.fromEntries(outcomes),
});
process.exit(0);
