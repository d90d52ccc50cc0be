import "server-only";
import { revalidatePath } from "next/cache";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { type Db, getDb, type Tx } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { getProvince } from "@/db/queries/reference";
import type { NewAuditEntry, Province } from "@/db/schema";
import { AppError, type ErrorBody, errorBody, errors, nulByteError, nulBytePath } from "@/lib/errors";
import { logServerError } from "@/lib/log";
import { type Actor, can, type GlobalAction, type ProvinceAction, roleMay } from "@/lib/permissions";
import { zodFieldErrors } from "@/lib/zod-messages";
import { type CurrentUser, getApiUser, getCurrentUser } from "./session";

/**
 * The one wrapper every server action and API route goes through:
 * authenticate → validate (zod) → authorize (role and province, on the server) → run, and for
 * writes, run the change and its audit rows in one transaction.
 */

/**
 * What the caller must be allowed to do: an action on the province the input names, a global
 * action, only on oneself, or an action on some province that the run narrows down itself — for
 * account administration, where the province is the target account's, read and locked inside the
 * transaction (lib/account-rules.ts decides there), and for the audit log of a chosen province or all.
 */
export type Permission<I> =
  | { action: ProvinceAction; province: (input: I, db: Db) => string | null | Promise<string | null> }
  | { action: ProvinceAction; anyProvince: true }
  | { action: GlobalAction }
  | { self: true };

type AuditInput = Omit<NewAuditEntry, "userId" | "id" | "at">;

export type Context<I> = {
  user: CurrentUser;
  input: I;
  /** The province the permission names (null for global and self permissions). */
  province: Province | null;
};
export type WriteContext<I> = Context<I> & {
  tx: Tx;
  /** Records one change in the audit log, in the same transaction; the province defaults to the permission's. */
  audit: (entry: AuditInput) => Promise<void>;
};
export type ReadContext<I> = Context<I> & { db: Db };

function toActor(user: CurrentUser): Actor {
  return { id: user.id, role: user.role, provinceId: user.provinceId };
}

/** While a temporary password is unchanged, nothing but changing it (and signing out) is allowed. */
function passwordChangeRequired(): AppError {
  return new AppError(
    "forbidden",
    "Bạn cần đổi mật khẩu tạm trước khi tiếp tục (trang Đổi mật khẩu).",
    "Change your temporary password before anything else (the Change password page).",
  );
}

export async function authorize<I>(db: Db, user: CurrentUser, permission: Permission<I>, input: I) {
  if ("self" in permission) return null;
  if ("anyProvince" in permission) {
    if (!roleMay(user.role, permission.action)) throw errors.forbidden();
    return null;
  }
  if (!("province" in permission)) {
    if (!can(toActor(user), permission.action)) throw errors.forbidden();
    return null;
  }
  const provinceId = await permission.province(input, db);
  const province = provinceId ? await getProvince(db, provinceId) : null;
  if (!province) throw errors.notFound("tỉnh", "Province");
  if (!can(toActor(user), permission.action, province)) throw errors.forbidden();
  return province;
}

function invalid(error: z.ZodError, status: "bad_request" | "invalid"): AppError {
  return new AppError(
    status,
    "Dữ liệu không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.",
    "Invalid input. Please check the fields marked.",
    zodFieldErrors(error),
  );
}

async function runWrite<I, R>(
  db: Db,
  ctx: Context<I>,
  run: (ctx: WriteContext<I>) => Promise<R>,
): Promise<R> {
  return db.transaction(async (tx) =>
    run({
      ...ctx,
      tx,
      audit: (entry) =>
        writeAudit(tx, {
          provinceId: ctx.province?.id ?? ctx.user.provinceId,
          ...entry,
          userId: ctx.user.id,
        }),
    }),
  );
}

/** Turns anything thrown into a safe error; unexpected ones are logged, never shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  logServerError(error);
  return errors.internal();
}

// ── Server actions ───────────────────────────────────────────────────────────

export type ActionResult<R> = { ok: true; data: R } | { ok: false; error: ErrorBody["error"] };

/**
 * A server action for a form (`useActionState`) or a direct call: it takes the previous state
 * (ignored) and a FormData or a plain object, and returns a serialisable result.
 */
export function serverAction<S extends z.ZodType, R>(
  spec: {
    schema: S;
    permission: Permission<z.infer<S>>;
    revalidate?: string[];
    /** The one action allowed while the caller must change a temporary password: changing it. */
    allowedBeforePasswordChange?: true;
  },
  run: (ctx: WriteContext<z.infer<S>>) => Promise<R>,
) {
  return async (
    _previous: unknown,
    payload: FormData | Record<string, unknown>,
  ): Promise<ActionResult<R>> => {
    try {
      const user = await getCurrentUser();
      if (!user) throw errors.unauthenticated();
      if (user.mustChangePassword && !spec.allowedBeforePasswordChange) throw passwordChangeRequired();
      const raw = payload instanceof FormData ? Object.fromEntries(payload) : payload;
      const nul = nulBytePath(raw);
      if (nul) throw nulByteError(nul, "invalid");
      const parsed = spec.schema.safeParse(raw, { reportInput: true });
      if (!parsed.success) throw invalid(parsed.error, "invalid");
      const db = getDb();
      const province = await authorize(db, user, spec.permission, parsed.data);
      const data = await runWrite(db, { user, input: parsed.data, province }, run);
      for (const path of spec.revalidate ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      const e = toAppError(error);
      return { ok: false, error: errorBody(e).error };
    }
  };
}

// ── API routes ───────────────────────────────────────────────────────────────

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** API answers are for one reader: no cache (a proxy's or the browser's) keeps a copy. */
export const NO_STORE = { "cache-control": "no-store" } as const;

export function jsonError(e: AppError): Response {
  return Response.json(errorBody(e), { status: e.status, headers: NO_STORE });
}

/** The largest JSON body an API route reads (a year of figures is far less). */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "too_large",
    `Nội dung gửi lên quá lớn (tối đa ${Math.floor(maxBytes / 1024 / 1024)} MB).`,
    `The request body is too large (at most ${Math.floor(maxBytes / 1024 / 1024)} MB).`,
  );
}

/** The body's bytes, refused (413) from its Content-Length or as soon as it grows past `maxBytes`: never buffered whole. */
async function readLimited(request: Request, maxBytes: number): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readJsonBody(request: Request): Promise<unknown> {
  const text = (await readLimited(request, MAX_JSON_BYTES)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(
      "bad_request",
      "Nội dung gửi lên không phải JSON hợp lệ.",
      "The request body is not valid JSON.",
    );
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether an Origin header names this site (the host the request was sent to). */
export function sameOrigin(origin: string, headers: Headers): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const own = [headers.get("host"), headers.get("x-forwarded-host")?.split(",")[0]?.trim()];
  return own.some((h) => h && h.toLowerCase() === host.toLowerCase());
}

/**
 * Cross-site request forgery: a write authenticated by the session cookie (which the browser
 * attaches to another site's request too) must come from this site's pages. A browser says where
 * a request comes from in Origin and Sec-Fetch-Site; a foreign one is refused. A bearer token is
 * never sent by a browser on its own, so token requests are exempt.
 */
function assertSameSite(request: Request, kind: "json" | "form" | "none") {
  if (SAFE_METHODS.has(request.method) || request.headers.has("authorization")) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if ((origin && !sameOrigin(origin, request.headers)) || (site && !["same-origin", "none"].includes(site))) {
    throw new AppError(
      "forbidden",
      "Yêu cầu đến từ một trang khác bị từ chối.",
      "A request from another site is refused.",
    );
  }
  // An HTML form on another site can send form encodings and text/plain, never JSON.
  if (kind === "json" && !/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError(
      "unsupported_media_type",
      "Hãy gửi nội dung dạng JSON (Content-Type: application/json).",
      "Send the body as JSON (Content-Type: application/json).",
    );
  }
}

/**
 * Runs an API route: the caller (401), a temporary password still to change (403), a cookie
 * write from another site (403), then `handle`, whose result is the JSON body — or the response
 * itself, for another status or a download. Nothing it answers is cached.
 */
async function handleApi(
  request: NextRequest,
  context: RouteContext,
  handle: (user: CurrentUser, raw: Record<string, unknown>) => Promise<unknown>,
  body: "json" | "form" | "none" = "none",
): Promise<Response> {
  try {
    const user = await getApiUser(request);
    if (!user) throw errors.unauthenticated();
    if (user.mustChangePassword) throw passwordChangeRequired();
    assertSameSite(request, body);
    const raw = { ...Object.fromEntries(request.nextUrl.searchParams), ...(await context.params) };
    const nul = nulBytePath(raw);
    if (nul) throw nulByteError(nul, "bad_request");
    const result = await handle(user, raw);
    const response = result instanceof Response ? result : Response.json(result);
    if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
    return response;
  } catch (error) {
    return jsonError(toAppError(error));
  }
}

async function prepare<SI extends z.ZodType>(
  user: CurrentUser,
  raw: Record<string, unknown>,
  spec: { input: SI; permission: Permission<z.infer<SI>> },
): Promise<Context<z.infer<SI>>> {
  const parsed = spec.input.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw invalid(parsed.error, "bad_request");
  const province = await authorize(getDb(), user, spec.permission, parsed.data);
  return { user, input: parsed.data, province };
}

/**
 * A reading API route: path parameters and query string (`input`) that do not parse → 400;
 * then the permission check (403 / 404); then `run`, whose result is the JSON body.
 */
export function apiRead<SI extends z.ZodType, R>(
  spec: { input: SI; permission: Permission<z.infer<SI>> },
  run: (ctx: ReadContext<z.infer<SI>>) => Promise<R>,
) {
  return (request: NextRequest, context: RouteContext) =>
    handleApi(request, context, async (user, raw) =>
      run({ ...(await prepare(user, raw, spec)), db: getDb() }),
    );
}

/**
 * A writing API route: as `apiRead`, then the JSON body is checked against `body` (not JSON → 400,
 * invalid values → 422 naming the fields), and `run` goes in one transaction with its audit rows.
 */
export function apiWrite<SI extends z.ZodType, SB extends z.ZodType, R>(
  spec: { input: SI; body: SB; permission: Permission<z.infer<SI>> },
  run: (ctx: WriteContext<z.infer<SI>> & { body: z.infer<SB> }) => Promise<R>,
) {
  return (request: NextRequest, context: RouteContext) =>
    handleApi(
      request,
      context,
      async (user, raw) => {
        const ctx = await prepare(user, raw, spec);
        const json = await readJsonBody(request);
        const nul = nulBytePath(json);
        if (nul) throw nulByteError(nul, "invalid");
        const body = spec.body.safeParse(json, { reportInput: true });
        if (!body.success) throw invalid(body.error, "invalid");
        return runWrite(getDb(), ctx, (w) => run({ ...w, body: body.data }));
      },
      "json",
    );
}

/** A multipart body read up to `maxBytes` (413-sized uploads are refused before they are parsed). */
async function readFormBody(request: Request, maxBytes: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(
      "bad_request",
      "Hãy gửi tệp dạng multipart/form-data (trường «file»).",
      "Send the file as multipart/form-data (field «file»).",
    );
  }
  const bytes = await readLimited(request, maxBytes);
  let form: FormData;
  try {
    form = await new Response(bytes as unknown as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "Nội dung gửi lên không đọc được.", "The request body cannot be read.");
  }
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && (value.includes("\u0000") || name.includes("\u0000"))) {
      throw nulByteError(name, "invalid");
    }
  }
  return form;
}

/**
 * A writing API route that takes a file: as `apiWrite`, but the body is a multipart form of at most
 * `maxBytes`, handed to `run` as it is (the route checks its fields), in one transaction.
 */
export function apiForm<SI extends z.ZodType, R>(
  spec: { input: SI; permission: Permission<z.infer<SI>>; maxBytes: number },
  run: (ctx: WriteContext<z.infer<SI>> & { form: FormData }) => Promise<R>,
) {
  return (request: NextRequest, context: RouteContext) =>
    handleApi(
      request,
      context,
      async (user, raw) => {
        const ctx = await prepare(user, raw, spec);
        const form = await readFormBody(request, spec.maxBytes);
        return runWrite(getDb(), ctx, (w) => run({ ...w, form }));
      },
      "form",
    );
}
