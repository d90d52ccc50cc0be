import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { listNotifications } from "@/db/queries/notifications";
import { type NotificationKind, notificationPath, notificationText } from "@/lib/notify";

/** The caller's own notifications, newest first, with the count unread. */
export const GET = apiRead(
  {
    input: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    permission: { self: true },
  },
  async ({ db, user, input }) => {
    const { unread, items } = await listNotifications(db, user.id, input.limit);
    return {
      unread,
      items: items.map((n) => ({
        id: n.id,
        kind: n.kind,
        province: n.provinceId,
        period: n.period,
        text: notificationText(n.kind as NotificationKind, n.period, n.payload),
        path: notificationPath(n.kind as NotificationKind, n.provinceId, n.period),
        payload: n.payload,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
    };
  },
);
