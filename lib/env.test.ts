import { describe, expect, it } from "vitest";
import { readEnv, serverProcesses } from "./env";

const PG = "postgres://postgres@127.0.0.1:5432/chitieu";

describe("WEB_CONCURRENCY (issue 12)", () => {
  it("runs one process by default, the number asked for, or one per core with auto — on PostgreSQL", () => {
    expect(serverProcesses(readEnv({ DATABASE_URL: PG }), 8)).toBe(1);
    expect(serverProcesses(readEnv({ DATABASE_URL: PG, WEB_CONCURRENCY: "3" }), 8)).toBe(3);
    expect(serverProcesses(readEnv({ DATABASE_URL: PG, WEB_CONCURRENCY: "auto" }), 2)).toBe(2);
  });

  it("always runs one process on the embedded database (one process per PGlite directory)", () => {
    expect(serverProcesses(readEnv({ WEB_CONCURRENCY: "4" }), 8)).toBe(1);
    expect(serverProcesses(readEnv({ WEB_CONCURRENCY: "auto" }), 8)).toBe(1);
  });

  it("refuses a value that is not a number of processes", () => {
    expect(() => readEnv({ DATABASE_URL: PG, WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
    expect(() => readEnv({ DATABASE_URL: PG, WEB_CONCURRENCY: "many" })).toThrow(/WEB_CONCURRENCY/);
  });
});
