import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { provinceAndPredecessors } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { pendingReviewCount } from "@/app/_server/workflow-notices";
import { Header } from "@/components/shell/header";
import { getDb } from "@/db";
import { countUnread } from "@/db/queries/notifications";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const [province, locale, reviewCount, unreadCount] = await Promise.all([
    user.provinceId
      ? provinceAndPredecessors(user.provinceId).then(
          (ps) => ps.find((p) => p.id === user.provinceId) ?? null,
        )
      : null,
    getLocale(),
    pendingReviewCount(user),
    countUnread(getDb(), user.id),
  ]);
  const provinceName = province ? (locale === "en" ? province.nameEn : province.nameVi) : null;
  return (
    <>
      <Header user={user} provinceName={provinceName} reviewCount={reviewCount} unreadCount={unreadCount} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
