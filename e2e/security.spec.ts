/**
 * Issue 9 against the running server (scripts/server.mjs on PGlite): each attack, as an attacker
 * would send it. Requests that must come from another address than the other tests' (the sign-in
 * limit per address) are sent from another loopback address, 127.0.0.x, with node:http.
 */
import http from "node:http";
import { DEMO_PASSWORD } from "../db/seed/demo-accounts";
import { expect, signIn, signInAs, test } from "./fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One HTTP request from `from` (a loopback address of its own), the body as given, nothing added. */
function raw(
  from: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
  /** Send only part of the declared body and wait: the answer must come before the rest. */
  partial = false,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method, path, headers, localAddress: from },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () => {
          if (partial) request.destroy();
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    request.on("error", (error) => {
      if (!partial) reject(error);
    });
    if (body !== undefined) request.write(body);
    if (!partial) request.end();
  });
}

/** A sign-in through Auth.js's own endpoint, as a script would send it; returns where it redirects. */
async function postSignIn(from: string, username: string, password: string, forwardedFor: string) {
  const csrf = await raw(from, "GET", "/api/auth/csrf");
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({
    csrfToken: JSON.parse(csrf.body).csrfToken,
    username,
    password,
    callbackUrl: "/",
  }).toString();
  const answer = await raw(
    from,
    "POST",
    "/api/auth/callback/credentials",
    {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(form)),
      cookie,
      "x-forwarded-for": forwardedFor,
    },
    form,
  );
  return String(answer.headers.location ?? "");
}

test.describe("sign-in limits (point 1)", () => {
  test("the per-address limit holds whatever X-Forwarded-For says", async () => {
    test.setTimeout(120_000);
    const from = "127.0.0.77";
    // 20 wrong guesses across accounts, each claiming another address.
    for (let i = 0; i < 20; i++) {
      const location = await postSignIn(from, `nobody.${i}`, "wrong-password", `198.51.100.${i}`);
      expect(location).toContain("code=invalid");
    }
    // The 21st, with the right password and yet another forged address, is refused: the address is locked.
    const location = await postSignIn(from, "tuyenquang.quantri", DEMO_PASSWORD, "203.0.113.200");
    expect(location).toContain("code=rate_limited");
    // Another address is not affected.
    expect(
      await postSignIn("127.0.0.78", "tuyenquang.quantri", DEMO_PASSWORD, "203.0.113.200"),
    ).not.toContain("error=");
  });
});

test.describe("sessions (point 4)", () => {
  test("after signing out, a copy of the old cookie answers 401 and opens no page", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, "thainguyen.canbo");
    const stolen = await context.storageState();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/login/);

    const copy = await browser.newContext({ storageState: stolen });
    const again = await copy.newPage();
    const api = await again.request.get("/api/v1/provinces/19-2025/figures?period=2026-10");
    expect(api.status()).toBe(401);
    await again.goto("/entry");
    await expect(again).toHaveURL(/\/login/);
    await copy.close();
    await context.close();
  });
});

test.describe("sessions and one's own password (point 4)", () => {
  test("changing one's password ends one's other sessions and keeps this one", async ({
    signedIn,
    browser,
  }) => {
    // A new account of its own, so no other test's sessions end.
    const admin = await signedIn("phutho.quantri");
    const created = await admin.request.post("/api/v1/users", {
      data: { username: "phutho.baomat", displayName: "Kiểm tra bảo mật", role: "staff" },
    });
    expect(created.status()).toBe(201);
    const { temporaryPassword } = await created.json();
    const read = "/api/v1/provinces/25-2025/figures?period=2026-10";

    const [here, elsewhere] = [await browser.newContext(), await browser.newContext()];
    const [a, b] = [await here.newPage(), await elsewhere.newPage()];
    for (const page of [a, b]) {
      await signIn(page, "phutho.baomat", temporaryPassword);
      await expect(page).toHaveURL(/\/change-password/);
    }
    // The other session is live (403: its temporary password first), not signed out.
    expect((await b.request.get(read)).status()).toBe(403);

    await a.getByLabel("Mật khẩu hiện tại").fill(temporaryPassword);
    await a.getByLabel("Mật khẩu mới", { exact: true }).fill("mưa rào tháng bảy năm nay");
    await a.getByLabel("Nhập lại mật khẩu mới").fill("mưa rào tháng bảy năm nay");
    await a.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect(a.getByTestId("current-user")).toBeVisible();

    expect((await a.request.get(read)).status()).toBe(200);
    expect((await b.request.get(read)).status()).toBe(401);
    await here.close();
    await elsewhere.close();
  });
});

test.describe("headers (point 7)", () => {
  test("every page sends a nonce CSP that forbids framing, and the hardening headers; the app runs under it", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto("/login");
    const headers = response?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Next.js's scripts carry this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
    const nonces = await page
      .locator("script[nonce]")
      .evaluateAll((s) => s.map((e) => (e as HTMLScriptElement).nonce));
    expect(nonces.every((n) => n === nonce)).toBe(true);

    await page.screenshot({ path: "test-results/security-login-1366.png", fullPage: true });

    // Signing in and a chart page work under the policy, without a violation.
    await signInAs(page, "laocai.lanhdao");
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toBeVisible();
    await page.screenshot({ path: "test-results/security-overview-1366.png", fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toBeVisible();
    await page.screenshot({ path: "test-results/security-overview-375.png", fullPage: true });
    expect(violations).toEqual([]);

    // API answers are not cached.
    const api = await page.request.get("/api/v1/provinces/15-2025/figures?period=2026-10");
    expect(api.status()).toBe(200);
    expect(api.headers()["cache-control"]).toBe("no-store");
  });
});

test.describe("cross-site writes (point 8)", () => {
  const url = "/api/v1/provinces/15-2025/figures";
  const body = JSON.stringify({
    figures: [{ indicator: "TM.XNK", period: "2026-10", measure: "value", value: 1, vintage: "estimate" }],
  });

  test("a cookie write from another site, or not in JSON, is refused; a server action from another site is 403", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.canbo");
    const foreign = await page.request.put(url, {
      data: body,
      headers: { "content-type": "text/plain", origin: "https://evil.example" },
    });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).error.messageEn).toMatch(/another site/);
    const foreignJson = await page.request.put(url, {
      data: body,
      headers: { "content-type": "application/json", origin: "https://evil.example" },
    });
    expect(foreignJson.status()).toBe(403);
    const textPlain = await page.request.put(url, {
      data: body,
      headers: { "content-type": "text/plain", origin: `http://127.0.0.1:${port}` },
    });
    expect(textPlain.status()).toBe(415);

    const action = await page.request.post("/entry", {
      data: "[]",
      headers: {
        "next-action": "0".repeat(42),
        origin: "https://evil.example",
        "content-type": "text/plain",
      },
    });
    expect(action.status()).toBe(403);

    // A token is exempt: a browser never sends one on its own. (The empty list is refused for what it is.)
    await page.goto("/profile");
    await page.getByLabel("Tên mã (để nhận biết)").fill("Kiểm tra bảo mật");
    await page.getByRole("button", { name: "Tạo mã" }).click();
    const secret = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
    const withToken = await page.request.put(url, {
      data: JSON.stringify({ figures: [] }),
      headers: {
        authorization: `Bearer ${secret}`,
        "content-type": "text/plain",
        origin: "https://evil.example",
      },
    });
    expect(withToken.status()).toBe(422);
    expect(Object.keys((await withToken.json()).error.fields)).toEqual(["figures"]);
  });
});

test.describe("bad input (points 6 and 9) and leaks (point 10)", () => {
  test("NUL bytes, periods outside the unit's life, huge bodies and unknown API paths get clean answers", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.canbo");
    const inPath = await page.request.get("/api/v1/provinces/15-2025%00/figures?period=2026-10");
    expect(inPath.status()).toBe(400);
    const inQuery = await page.request.get("/api/v1/provinces/15-2025/figures?period=2026-10%00");
    expect(inQuery.status()).toBe(400);
    const inNote = await page.request.put("/api/v1/provinces/15-2025/figures", {
      data: {
        figures: [
          {
            indicator: "TM.XNK",
            period: "2026-10",
            measure: "value",
            value: 1,
            vintage: "estimate",
            note: "a\u0000",
          },
        ],
      },
    });
    expect(inNote.status()).toBe(422);
    expect(Object.keys((await inNote.json()).error.fields)).toEqual(["figures.0.note"]);

    // The former Lào Cai ended on 30/06/2025.
    const former = await page.request.put("/api/v1/provinces/10/figures", {
      data: {
        figures: [
          { indicator: "TM.XNK", period: "2026-11", measure: "value", value: 1, vintage: "estimate" },
        ],
      },
    });
    expect(former.status()).toBe(422);
    expect(Object.keys((await former.json()).error.fields)).toEqual(["figures.0.period"]);
    for (const period of ["2020-01", "2100-12"]) {
      const outside = await page.request.put("/api/v1/provinces/15-2025/figures", {
        data: { figures: [{ indicator: "TM.XNK", period, measure: "value", value: 1, vintage: "estimate" }] },
      });
      expect(outside.status(), period).toBe(422);
    }

    // A 20 MB body to a server action is refused from its length, before it is read.
    const big = await raw(
      "127.0.0.1",
      "POST",
      "/entry",
      {
        "content-length": String(20 * 1024 * 1024),
        "next-action": "0".repeat(42),
        "content-type": "text/plain",
      },
      Buffer.alloc(1024),
      true,
    );
    expect(big.status).toBe(413);

    const unknown = await page.request.get("/api/v1/no-such-thing");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
  });
});
