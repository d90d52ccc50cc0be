import "server-only";
import type { DbOrTx } from "../index";
import { auditLog, type NewAuditEntry } from "../schema";

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function writeAudit(db: DbOrTx, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}
