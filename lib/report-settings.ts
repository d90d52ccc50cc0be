/**
 * A province's report settings: the names and people a report prints (Nghị định 30/2020 layout,
 * report-layout.md §1). They carry validity dates because the 2025 merger changed names: a report
 * is printed with the settings valid on its date, so a 2024 report of former Hà Giang still says
 * "UBND TỈNH HÀ GIANG". Without saved settings, defaults follow from the province's own name.
 * Pure functions, no I/O.
 */

export type ReportSettingsContent = {
  /** Ô 2, line 1: "UBND TỈNH LÀO CAI". */
  supervisingBody: string;
  /** Ô 2, line 2: "SỞ CÔNG THƯƠNG". */
  issuingBody: string;
  /** The place in "Lào Cai, ngày 05 tháng 11 năm 2026". */
  place: string;
  /** The document symbol after the number: "BC-SCT". */
  symbol: string;
  /** "KT. GIÁM ĐỐC" (a deputy signing for the director); empty when the director signs. */
  signerAuthority: string;
  /** "PHÓ GIÁM ĐỐC". */
  signerTitle: string;
  signerName: string;
  /** "Kính gửi:" — the bodies the report is sent up to. */
  addressees: string[];
  /** "Nơi nhận:" after "- Như trên;" and before "- Lưu: VT, …". */
  recipients: string[];
  /** The drafting unit in "- Lưu: VT, KHTC." */
  draftingUnit: string;
};

export type ReportSettingsRow = ReportSettingsContent & {
  id: number;
  provinceId: string;
  /** yyyy-mm-dd */
  validFrom: string;
  /** yyyy-mm-dd, or null: still valid. */
  validTo: string | null;
  version: number;
};

type ProvinceNames = { nameVi: string; validFrom: string | null; validTo: string | null };

/** "Tỉnh Hà Giang" → "Hà Giang"; "Thành phố Hồ Chí Minh" → "TP. Hồ Chí Minh" (the usual place line). */
export function placeName(nameVi: string): string {
  if (nameVi === "Thành phố Hồ Chí Minh") return "TP. Hồ Chí Minh";
  return nameVi.replace(/^(Tỉnh|Thành phố)\s+/u, "");
}

/** The settings a province's report has until its admin sets others. */
export function defaultSettings(province: Pick<ProvinceNames, "nameVi">): ReportSettingsContent {
  const place = placeName(province.nameVi);
  const unit = province.nameVi.replace(/^(Tỉnh|Thành phố)\s+/u, (m) => m.toLocaleLowerCase("vi"));
  return {
    supervisingBody: `UBND ${province.nameVi.toLocaleUpperCase("vi")}`,
    issuingBody: "SỞ CÔNG THƯƠNG",
    place,
    symbol: "BC-SCT",
    signerAuthority: "KT. GIÁM ĐỐC",
    signerTitle: "PHÓ GIÁM ĐỐC",
    signerName: "",
    addressees: ["Bộ Công Thương", `UBND ${unit}`],
    recipients: ["Giám đốc Sở", "Các Phó Giám đốc Sở", "Các phòng, đơn vị thuộc Sở"],
    draftingUnit: "KHTC",
  };
}

/**
 * The date a report's settings are chosen by: its issue date once issued; before that, today,
 * but never outside the province's own life (a former unit's draft is dated its last day).
 */
export function settingsDate(province: ProvinceNames, today: string, issuedOn: string | null): string {
  if (issuedOn) return issuedOn;
  if (province.validTo && today > province.validTo) return province.validTo;
  if (province.validFrom && today < province.validFrom) return province.validFrom;
  return today;
}

/**
 * The settings valid on `date`: the row whose validity covers it; else the nearest before it, else
 * the nearest after it; else the defaults. Rows of one province never overlap (see `overlaps`).
 */
export function settingsOn<R extends ReportSettingsRow>(rows: R[], date: string): R | null {
  const covering = rows.find((r) => r.validFrom <= date && (r.validTo === null || date <= r.validTo));
  if (covering) return covering;
  const before = rows.filter((r) => r.validTo !== null && r.validTo < date);
  before.sort((a, b) => (a.validTo as string).localeCompare(b.validTo as string));
  if (before.length > 0) return before[before.length - 1];
  const after = rows.filter((r) => r.validFrom > date).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return after[0] ?? null;
}

/** The content to print: the row valid on `date`, or the province's defaults. */
export function resolveSettings(
  province: ProvinceNames,
  rows: ReportSettingsRow[],
  date: string,
): ReportSettingsContent & { validFrom: string | null; validTo: string | null; id: number | null } {
  const row = settingsOn(rows, date);
  if (!row) return { ...defaultSettings(province), validFrom: null, validTo: null, id: null };
  const { provinceId: _p, version: _v, ...content } = row;
  return content;
}

/** Two validity ranges share a day. */
export function overlaps(
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
): boolean {
  const aEnd = a.validTo ?? "9999-12-31";
  const bEnd = b.validTo ?? "9999-12-31";
  return a.validFrom <= bEnd && b.validFrom <= aEnd;
}

/** Lines of a textarea: trimmed, NFC, empty lines and the list punctuation people type ("- …;") dropped. */
export function listLines(text: string): string[] {
  return text
    .normalize("NFC")
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^[-–•]\s*/u, "")
        .replace(/[;.]\s*$/u, "")
        .trim(),
    )
    .filter((line) => line.length > 0);
}
