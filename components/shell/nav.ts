import { type Role, roleMay } from "@/lib/permissions";

export type NavItem = {
  href: string;
  key:
    | "dashboard"
    | "entry"
    | "targets"
    | "review"
    | "reports"
    | "national"
    | "submissions"
    | "admin"
    | "audit";
};

/** The navigation a role sees: only what its permissions let it use. */
export function navFor(role: Role): NavItem[] {
  const items: NavItem[] = [];
  if (roleMay(role, "read")) items.push({ href: "/", key: "dashboard" });
  if (roleMay(role, "enter_figures")) items.push({ href: "/entry", key: "entry" });
  if (roleMay(role, "edit_targets") || (roleMay(role, "read") && role !== "system_admin")) {
    items.push({ href: "/targets", key: "targets" });
  }
  if (roleMay(role, "approve") || roleMay(role, "return") || roleMay(role, "reopen")) {
    items.push({ href: "/review", key: "review" });
  }
  // The month's report: its province's staff, leaders and admins, and national viewers (any province).
  if (roleMay(role, "read") && role !== "system_admin") items.push({ href: "/reports", key: "reports" });
  if (roleMay(role, "read_national")) items.push({ href: "/national", key: "national" });
  // The submission board: nationwide roles see every province, a leader or province admin their own.
  if (roleMay(role, "read_national") || role === "leader" || role === "province_admin") {
    items.push({ href: "/submissions", key: "submissions" });
  }
  if (roleMay(role, "manage_users")) items.push({ href: "/admin", key: "admin" });
  if (roleMay(role, "view_audit")) items.push({ href: "/audit", key: "audit" });
  return items;
}
