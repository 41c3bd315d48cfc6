import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createServices, type Services } from '../../core/services';
import { startHttpHost, type HttpHost } from '../../harness/http-host';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
import { RENDERER_DIR, settled } from './browser';
import { tempDir } from './temp-dir';

// What a clerk does at one installation, through its pages only: the steps of test/e2e/offices-cycle.e2e.ts.
// Each installation is its own data folder and HTTP host, seen in its own browser context (cookies are per
// host, not per port, so one context per installation keeps their sign-ins apart); files travel through a
// folder standing for the USB stick.

/** Locator waits of these steps: a busy 2-core machine re-renders a table in a second or two, never 30. */
export const WAIT = { timeout: 30_000 };

export interface Installation {
  label: string;
  dataDir: string;
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Chưa build giao diện: chạy npm run build:renderer trước.');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A new installation (empty data folder) with the app open on its first-start screen. */
export async function openInstallation(browser: Browser, label: string): Promise<Installation> {
  const dataDir = tempDir();
  const services: Services = await createServices({ dataDir, log: () => undefined });
  const host: HttpHost = await startHttpHost({ services, rendererDir: RENDERER_DIR });
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(`${label}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`${label}: ${m.text()}`);
  });
  await page.goto(host.signInUrl);
  return {
    label,
    dataDir,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      await host.close();
      await services.close();
    },
  };
}

export interface OfficeForm {
  name: string;
  level: 'Tỉnh' | 'Sở, ban, ngành' | 'Xã, phường' | 'Phòng, đơn vị';
  abbreviation: string;
  placeName: string;
  reportsTo: string;
}

export const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
export const saved = (page: Page) => page.getByTestId('save-state').getByText(/Đã lưu lúc/).waitFor(WAIT);

/** The first-start screens: the office, then the administrator's own account (signed in after). */
export async function setUpThroughUi(page: Page, office: OfficeForm, admin: { fullName: string; username: string; password: string }) {
  await page.getByText('Chào mừng đến với Dân vận').waitFor(WAIT);
  await page.getByLabel('Tên cơ quan').fill(office.name);
  await page.getByLabel('Cấp', { exact: true }).click();
  await openDropdown(page).getByTitle(office.level, { exact: true }).click();
  await page.getByLabel('Chữ viết tắt trong số ký hiệu văn bản').fill(office.abbreviation);
  await page.getByLabel('Địa danh ghi ở ngày tháng').fill(office.placeName);
  await page.getByLabel('Cơ quan cấp trên nhận báo cáo').fill(office.reportsTo);
  await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
  await page.getByText('Tạo tài khoản quản trị').first().waitFor(WAIT);
  await page.getByLabel('Họ và tên').fill(admin.fullName);
  await page.getByLabel('Tên đăng nhập').fill(admin.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(admin.password);
  await page.getByLabel('Nhập lại mật khẩu').fill(admin.password);
  await page.getByRole('button', { name: 'Tạo tài khoản và bắt đầu' }).click();
  await page.getByTestId('office-name').getByText(office.name).waitFor(WAIT);
}

export async function goTo(page: Page, menu: 'Tổng quan' | 'Kế hoạch' | 'Báo cáo' | 'Đơn vị' | 'Gửi, nhận' | 'Cài đặt') {
  await page.getByRole('menuitem', { name: menu }).click();
}

export async function addUnit(page: Page, name: string, kind: string) {
  await goTo(page, 'Đơn vị');
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await settled(dialog);
  await dialog.getByLabel('Tên đơn vị').fill(name);
  await dialog.getByLabel('Loại').click();
  await openDropdown(page).getByTitle(kind, { exact: true }).click();
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  await dialog.waitFor({ state: 'hidden', ...WAIT });
  await page.locator('tr.ant-table-row').filter({ hasText: name }).waitFor(WAIT);
}

/** What a click downloads, saved under its own name in `folder` (the USB stick, or the clerk's documents). */
export async function saveDownload(page: Page, folder: string, click: () => Promise<unknown>): Promise<string> {
  const download = page.waitForEvent('download', WAIT);
  await click();
  const file = await download;
  const target = path.join(folder, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

/**
 * Types a date as a clerk does, and looks, once the field is left, that it shows it: a date field that has just
 * appeared may still set its own text when the machine is busy (seen in CI under load: the first of two new
 * fields went back to the date it was opened with), and an Enter that came before the typed text had reached
 * the field takes nothing, so the field shows its old date again when it is left (seen once: "31/05/2026"
 * typed, "14/06/2026" kept). A clerk who sees that types the date again. The callers' own assertions on what
 * was saved still decide.
 */
export async function typeDate(page: Page, label: string, value: string, scope: Page | Locator = page) {
  const input = scope.getByLabel(label, { exact: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.fill(value);
    for (let wait = 0; wait < 20 && (await input.inputValue()) !== value; wait++) await page.waitForTimeout(50);
    await input.press('Enter');
    await input.blur();
    await page.waitForTimeout(100 * (attempt + 1));
    if ((await input.inputValue()) === value) return;
  }
}

/** Types into a searchable select and clicks `option` in the list it filters (the app has no animations, so the list stands still). */
export async function chooseTyped(page: Page, select: Locator, typed: string, option: string) {
  await select.click();
  await select.fill(typed);
  await openDropdown(page).getByTitle(option, { exact: true }).click();
}

/** One or more units picked in a unit picker (typed without diacritics, as clerks do). */
export async function pickUnits(page: Page, label: string, picks: [typed: string, option: string][], shownIn: Locator) {
  const select = page.getByLabel(label, { exact: true });
  for (const [typed, option] of picks) await chooseTyped(page, select, typed, option);
  await select.press('Escape');
  for (const [, option] of picks) await shownIn.locator('.ant-select-selection-item').filter({ hasText: option }).first().waitFor(WAIT);
}

/** Kế hoạch → "Nhập từ văn bản": the received plan read from its Word file and saved as the plan from above. */
export async function importPlanDocument(page: Page, file: string, taskCount: number) {
  await goTo(page, 'Kế hoạch');
  await page.getByRole('button', { name: 'Nhập từ văn bản (Word, PDF)' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByText(`Kiểm tra kế hoạch đọc được (${taskCount} nhiệm vụ)`).waitFor(WAIT);
  await page.getByRole('button', { name: 'Lưu làm kế hoạch cấp trên' }).click();
  await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}\/sua$/, WAIT);
}

/**
 * Kế hoạch → "Xây dựng kế hoạch thực hiện" on the plan received: every task and a 6-month report (the
 * Nghị định 09 date) given to `units`, a signer, then issued with `number` on `issueDate` (dd/mm/yyyy).
 */
export async function deriveAndIssue(page: Page, options: { units: [typed: string, option: string][]; signer: string; number: string; issueDate: string; taskCount: number }) {
  await goTo(page, 'Kế hoạch');
  await page.getByRole('button', { name: 'Xây dựng kế hoạch thực hiện' }).click();
  await page.getByText('Dự thảo kế hoạch').waitFor(WAIT);
  for (let i = 1; i <= options.taskCount; i++) await pickUnits(page, `Thực hiện – nhiệm vụ ${i}`, options.units, page.getByTestId(`task-${i}`));
  await page.getByRole('button', { name: 'Thêm yêu cầu báo cáo' }).click();
  await page.getByRole('button', { name: /Dùng hạn theo NĐ 09\/2019/ }).click();
  await pickUnits(page, 'Đơn vị phải báo cáo 1', options.units, page.getByTestId('duty-1'));
  await page.getByLabel('Họ tên người ký').fill(options.signer);
  await saved(page);
  await page.getByRole('button', { name: 'Xem văn bản' }).click();
  await page.getByRole('button', { name: 'Ban hành' }).click();
  const dialog = page.getByRole('dialog');
  await settled(dialog);
  await dialog.getByLabel('Số văn bản').fill(options.number);
  await typeDate(page, 'Ngày ban hành', options.issueDate, dialog);
  await dialog.getByRole('button', { name: 'Ban hành' }).click();
  await page.getByTestId('plan-paper').getByText(new RegExp(`Số: ${options.number}/KH-`)).waitFor(WAIT);
}

/** On the issued plan's page: "Gửi cho đơn vị (.dvb)…", saved as a file on the stick. */
export async function sendPlanToFolder(page: Page, unit: string, folder: string): Promise<string> {
  await page.getByRole('button', { name: 'Gửi cho đơn vị (.dvb)…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gửi kế hoạch cho đơn vị' });
  await settled(dialog);
  await dialog.getByLabel('Đơn vị nhận').click();
  await openDropdown(page).getByTitle(unit, { exact: true }).click();
  const file = await saveDownload(page, folder, () => dialog.getByRole('button', { name: 'Tạo tệp' }).click());
  await dialog.waitFor({ state: 'hidden', ...WAIT });
  return file;
}

/**
 * Gửi, nhận → a .dvb picked from the stick: its card read, the key confirmed when `confirm` (the words of the
 * checkbox) is given, imported. Returns the card, which offers the receipt to send back.
 */
export async function importBundleFromFolder(page: Page, file: string, expected: { done: string | RegExp; confirm?: RegExp }): Promise<Locator> {
  await goTo(page, 'Gửi, nhận');
  await page.getByTestId('bundle-drop').locator('input[type=file]').setInputFiles(file);
  const card = page.getByTestId('incoming-bundle').filter({ hasText: path.basename(file) });
  await card.waitFor(WAIT);
  if (expected.confirm) await card.getByText(expected.confirm).click();
  await card.getByRole('button', { name: 'Nhập' }).click();
  await card.getByText(expected.done).waitFor(WAIT);
  return card;
}

/** "Lưu biên nhận để gửi lại" on an imported bundle's card, saved on the stick. */
export function saveReceipt(page: Page, card: Locator, folder: string): Promise<string> {
  return saveDownload(page, folder, () => card.getByRole('button', { name: 'Lưu biên nhận để gửi lại' }).click());
}

/** Kế hoạch → the plan by its title (the newest such row: the plan received, or this office's own). */
export async function openPlan(page: Page, number: RegExp) {
  await goTo(page, 'Kế hoạch');
  await page.getByRole('link', { name: number }).first().click();
  await page.getByTestId('plan-paper').waitFor(WAIT);
}

/** Báo cáo → the plan's matrix → the unit's report on its 6-month duty. */
export async function openUnitReport(page: Page, planLabel: RegExp, unit: string) {
  await goTo(page, 'Báo cáo');
  await page.getByLabel('Kế hoạch', { exact: true }).click();
  await openDropdown(page).getByTitle(planLabel).click();
  await page.getByRole('button', { name: `${unit} – Báo cáo 6 tháng` }).click();
  await page.getByTestId('report-status').waitFor(WAIT);
}
