import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/_server/shell-actions";
import { BellIcon } from "@/components/ui/bell-icon";
import type { Role } from "@/lib/permissions";
import { LocaleSwitch } from "./locale-switch";
import { navFor } from "./nav";

export async function Header({
  user,
  provinceName,
  reviewCount = 0,
  unreadCount = 0,
}: {
  user: { displayName: string; username: string; role: Role };
  provinceName: string | null;
  /** Months waiting for this leader's decision, shown beside Duyệt. */
  reviewCount?: number;
  /** The person's unread notifications, on the bell. */
  unreadCount?: number;
}) {
  const t = await getTranslations();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-xl font-semibold text-brand-900">
          {t("app.name")}
        </Link>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Link href="/profile" className="text-right hover:underline" data-testid="current-user">
            <span className="font-medium">{user.displayName}</span>
            <span className="block text-xs text-slate-600">
              <span data-testid="current-role">{t(`roles.${user.role}`)}</span>
              {provinceName && (
                <>
                  {" · "}
                  <span data-testid="current-province">{provinceName}</span>
                </>
              )}
            </span>
          </Link>
          <Link
            href="/notifications"
            className="relative rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
            data-testid="bell"
            aria-label={t("notifications.bell", { count: unreadCount })}
            title={t("notifications.bell", { count: unreadCount })}
          >
            <BellIcon />
            {unreadCount > 0 && (
              <span
                className="ml-1 rounded-full bg-red-700 px-1.5 py-0.5 text-xs font-medium text-white"
                data-testid="bell-count"
                aria-hidden="true"
              >
                {unreadCount}
              </span>
            )}
          </Link>
          <LocaleSwitch />
          <form action={signOutAction}>
            <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
              {t("nav.signOut")}
            </button>
          </form>
        </div>
      </div>
      {/* On a phone the items wrap onto a second line rather than scroll out of sight. */}
      <nav aria-label={t("nav.main")} className="mx-auto max-w-7xl px-4">
        <ul className="flex flex-wrap gap-x-1" data-testid="main-nav">
          {navFor(user.role).map((item) => (
            <li key={item.key}>
              <Link
                href={item.href}
                className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm hover:border-brand-600"
              >
                {t(`nav.${item.key}`)}
                {item.key === "review" && reviewCount > 0 && (
                  <span
                    className="ml-1 rounded-full bg-amber-600 px-1.5 py-0.5 text-xs font-medium text-white"
                    data-testid="review-count"
                    title={t("nav.reviewWaiting", { count: reviewCount })}
                  >
                    <span aria-hidden="true">{reviewCount}</span>
                    <span className="sr-only">{t("nav.reviewWaiting", { count: reviewCount })}</span>
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
