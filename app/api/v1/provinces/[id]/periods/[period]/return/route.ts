import { transitionRoute } from "@/app/_server/period-routes";

export const POST = transitionRoute("return");
