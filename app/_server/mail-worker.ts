import "server-only";
import nodemailer from "nodemailer";
import type { Db } from "@/db";
import { sweepDeadlines } from "@/db/queries/deadlines";
import { claimMail, markMailFailed, markMailSent } from "@/db/queries/notifications";
import { type MailEnv, readMailEnv } from "@/lib/env";
import { afterFailure, CLAIM_MS } from "@/lib/outbox";

export type SendMail = (message: {
  from: string;
  to: string;
  subject: string;
  text: string;
}) => Promise<unknown>;

/** A nodemailer transport over SMTP_URL; null without one (messages then wait in the outbox). */
export function smtpSender(env: MailEnv): SendMail | null {
  if (!env.smtpUrl) return null;
  const transport = nodemailer.createTransport(env.smtpUrl);
  return (message) => transport.sendMail(message);
}

/**
 * Sends the messages due now: each claimed (one attempt), sent, then marked sent, or on failure
 * put back with its backoff and error (lib/outbox.ts). Returns how many were sent and failed.
 */
export async function deliverDueMail(db: Db, send: SendMail, from: string, now = new Date()) {
  const claimed = await db.transaction((tx) => claimMail(tx, now, new Date(now.getTime() + CLAIM_MS)));
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    try {
      await send({ from, to: m.to, subject: m.subject, text: m.body });
      await markMailSent(db, m.id, new Date());
      sent++;
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      await markMailFailed(db, m.id, afterFailure(m.attempts, new Date()), message);
    }
  }
  return { sent, failed };
}

const SWEEP_MS = 15 * 60_000;

/**
 * Runs in the app server's process (PGlite allows one process per data directory): every
 * MAIL_POLL_MS it sends what is due, and every 15 minutes it looks for deadlines to tell people
 * about. A message queued before a restart is still `pending` in the table and goes on the next tick.
 */
export function startMailWorker(getDb: () => Db) {
  const env = readMailEnv();
  const send = smtpSender(env);
  let busy = false;
  let lastSweep = 0;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const db = getDb();
      if (Date.now() - lastSweep >= SWEEP_MS) {
        lastSweep = Date.now();
        await db.transaction((tx) => sweepDeadlines(tx, new Date(), env.appUrl));
      }
      if (send) await deliverDueMail(db, send, env.from);
    } catch (error) {
      console.error("[chitieu] mail worker:", error);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, env.pollMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
