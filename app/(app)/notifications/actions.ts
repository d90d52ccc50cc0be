"use server";

import { z } from "zod";
import { serverAction } from "@/app/_server/guard";
import { markRead, savePreferences } from "@/db/queries/notifications";

const markAllRead = serverAction(
  { schema: z.object({}), permission: { self: true }, revalidate: ["/notifications", "/"] },
  async ({ tx, user }) => markRead(tx, user.id, undefined, new Date()),
);

/** "Mark all as read" on the notifications page (a plain form: nothing to show back). */
export async function markAllReadAction(formData: FormData): Promise<void> {
  await markAllRead(null, formData);
}

const markWhatsNewSeen = serverAction(
  { schema: z.object({}), permission: { self: true }, revalidate: ["/", "/submissions"] },
  async ({ tx, user }) => {
    await savePreferences(tx, user.id, { whatsNewSeenAt: new Date() });
  },
);

/** "Seen" on the what's-new panel: the next visit shows what changed after now. */
export async function markWhatsNewSeenAction(formData: FormData): Promise<void> {
  await markWhatsNewSeen(null, formData);
}
