/**
 * Passwords too common to allow (checked case-insensitively by lib/password-policy.ts).
 *
 * Only passwords of at least 10 characters are kept: shorter ones are refused for their length,
 * so this set refuses exactly what the full source list would.
 *
 * - The ranked common-passwords list of the maintained package @zxcvbn-ts/language-common
 *   (49,233 entries; 1,557 of them have 10 characters or more), lower-cased.
 * - `local-common-passwords.json`: added by hand for this application (not from a measured list):
 *   the published demo password, the names of the app and the ministry, and Vietnamese words and
 *   office defaults of the kind such lists are full of ("matkhau123", "anhyeuem123", "Abc@123456").
 *
 * The package's list is under the MIT licence (its LICENSE.txt).
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import local from "./local-common-passwords.json";

const MIN_LENGTH = 10;

/** Lower-cased. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  [...dictionary["passwords-common"], ...local]
    .map((p) => p.toLowerCase())
    .filter((p) => [...p].length >= MIN_LENGTH),
);
