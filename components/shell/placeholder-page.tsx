import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/app/_server/session";
import { NotAllowed } from "@/components/ui/not-allowed";
import { NotBuilt } from "@/components/ui/not-built";
import { type NavItem, navFor } from "./nav";

/** A section the next releases fill: shown only to the roles whose navigation has it, saying so plainly. */
export async function PlaceholderPage({ section }: { section: NavItem["key"] }) {
  const user = await requirePageUser();
  if (!navFor(user.role).some((item) => item.key === section)) return <NotAllowed />;
  const t = await getTranslations("nav");
  return <NotBuilt title={t(section)} />;
}
