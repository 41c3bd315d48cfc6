/** Dates travel as ISO strings (YYYY-MM-DD); clerks see and type dd/mm/yyyy. */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** "03/3/2025", "3/03/2025" or "03.03.2025" → "2025-03-03"; null when it is not a real date (31/02/2026). */
export function parseVnDate(value: string): IsoDate | null {
  const m = VN.exec(value);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? toIsoDate(year, month, day) : null;
}

/** "2025-03-03" → "03/03/2025" (the on-screen form). */
export function formatVnDate(iso: IsoDate): string {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`Ngày không hợp lệ: ${iso}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * The date line of an official document (Nghị định 30/2020): days below 10 and months 1 and 2
 * take a leading zero: "ngày 03 tháng 3 năm 2025", "ngày 19 tháng 01 năm 2026".
 */
export function formatOfficialDate(iso: IsoDate): string {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`Ngày không hợp lệ: ${iso}`);
  const day = Number(m[3]);
  const month = Number(m[2]);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${m[1]}`;
}

/** "Bình Chương, ngày 03 tháng 3 năm 2026" */
export function formatPlaceAndDate(place: string, iso: IsoDate): string {
  return `${place}, ${formatOfficialDate(iso)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A date inside document text, as offices write it: "30/5/2026", "30/01/2026", "03/3/2025"
 * (day always two digits, month two digits only for 01 and 02).
 */
export function formatDocumentDate(iso: IsoDate): string {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`Ngày không hợp lệ: ${iso}`);
  const month = Number(m[2]);
  return `${m[3]}/${month <= 2 ? pad2(month) : String(month)}/${m[1]}`;
}

/** Whole days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar date on this PC (offices work in local time, not UTC). */
export function localIsoDate(date: Date): IsoDate {
  return toIsoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** "20/11/2026 09:05" (or "09:05:07" with seconds) in this computer's time. */
export function formatVnDateTime(date: Date, withSeconds = false): string {
  return `${formatVnDate(localIsoDate(date))} ${pad2(date.getHours())}:${pad2(date.getMinutes())}${withSeconds ? `:${pad2(date.getSeconds())}` : ''}`;
}
