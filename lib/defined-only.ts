/**
 * The object without its undefined properties (shallow). React sends `{ notes: undefined }` to a
 * client component as `"notes":"$undefined"`, so a table's absent fields are left out instead of
 * weighing on every row of the page (issue 12).
 */
export function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
