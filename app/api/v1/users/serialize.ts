import type { Account } from "@/db/queries/accounts";

/** An account as the API shows it (never a password or its hash). */
export function toApiUser(a: Account) {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    provinceId: a.provinceId,
    active: a.active,
    mustChangePassword: a.mustChangePassword,
    lastSignInAt: a.lastSignInAt,
    createdAt: a.createdAt,
  };
}
