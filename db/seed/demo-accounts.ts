import type { Role } from "../schema";

/** The demo password of every demo account. Demo accounts sign in only in demo mode (lib/env.ts). */
export const DEMO_PASSWORD = "chitieu-demo";

export type DemoAccount = { username: string; displayName: string; role: Role; provinceId: string | null };

const successors = [
  { slug: "tuyenquang", provinceId: "08-2025", name: "Tuyên Quang" },
  { slug: "laocai", provinceId: "15-2025", name: "Lào Cai" },
  { slug: "thainguyen", provinceId: "19-2025", name: "Thái Nguyên" },
  { slug: "phutho", provinceId: "25-2025", name: "Phú Thọ" },
] as const;

/** A staff member, a leader and a province admin for each successor of the four demo provinces. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...successors.flatMap(({ slug, provinceId, name }): DemoAccount[] => [
    { username: `${slug}.canbo`, displayName: `Cán bộ Sở Công Thương ${name}`, role: "staff", provinceId },
    {
      username: `${slug}.lanhdao`,
      displayName: `Lãnh đạo Sở Công Thương ${name}`,
      role: "leader",
      provinceId,
    },
    {
      username: `${slug}.quantri`,
      displayName: `Quản trị Sở Công Thương ${name}`,
      role: "province_admin",
      provinceId,
    },
  ]),
  {
    username: "bocongthuong",
    displayName: "Theo dõi toàn quốc (Bộ Công Thương)",
    role: "national",
    provinceId: null,
  },
  { username: "hethong", displayName: "Quản trị hệ thống", role: "system_admin", provinceId: null },
];
