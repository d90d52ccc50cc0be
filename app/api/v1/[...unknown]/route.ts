import { jsonError } from "@/app/_server/guard";
import { AppError } from "@/lib/errors";

/** Any /api/v1 path no route answers: a JSON 404 in the API's error shape, never the HTML page. */
function notFound(): Response {
  return jsonError(
    new AppError(
      "not_found",
      "Không có địa chỉ API này (xem docs/api.md).",
      "No such API address (see docs/api.md).",
    ),
  );
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
