import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness, screenshot, settled, type Harness } from '../helpers/browser';
import { BINH_CHUONG, call, setUpOffice } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';

// A whole reporting cycle without a call to support: the snags a commune clerk met, each as the clerk meets it.

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

// expect.poll gives up after 1 s by default; each poll here settled within 0.07 s (measured), so 15 s leaves a busy CI
// machine 200 times the room. Locator waits keep Playwright's 30 s; each test takes 3–9 s of its 90 s.
const SLOW = { timeout: 15_000 };
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
const saved = (page: Page) => page.getByTestId('save-state').getByText(/Đã lưu lúc/).waitFor();

async function typeDate(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('the plan editor, as a commune clerk fills it in', () => {
  it('takes "cac xa" + Enter as the group "Các xã, phường", and adds an outside body only through its own choice', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    const a = await call(services, 'units.create', { name: 'Xã Bình Hải', kind: 'xa' });
    const b = await call(services, 'units.create', { name: 'Phường Trương Quang Trọng', kind: 'xa' });
    const group = await call(services, 'groups.create', { name: 'Các xã, phường', memberIds: [a.id, b.id] });
    const plan = await newPlanWith(services, 'own', 2026, (c) => ({
      ...c,
      tasks: [task('1', 'Tổ chức đối thoại với Nhân dân')],
    }));
    await harness.open(`/ke-hoach/${plan.id}/sua`);
    await page.getByRole('button', { name: 'Thêm yêu cầu báo cáo' }).click();
    await page.getByRole('button', { name: /Dùng hạn theo NĐ 09\/2019/ }).click();

    // typed without diacritics: the group is the first, highlighted choice; an outside body "cac xa" is the last
    const implementing = page.getByLabel('Thực hiện – nhiệm vụ 1', { exact: true });
    await implementing.click();
    await implementing.fill('cac xa');
    const active = openDropdown(page).locator('.ant-select-item-option-active');
    await expect.poll(() => active.getAttribute('title'), SLOW).toBe('Các xã, phường');
    const titles = await openDropdown(page).locator('.ant-select-item-option').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(titles[0]).toBe('Các xã, phường');
    expect(titles.at(-1)).toBe('Thêm cơ quan ngoài: cac xa');
    await screenshot(page, 'unit-picker-cac-xa');
    await implementing.press('Enter');
    await implementing.press('Escape');
    await page.getByTestId('task-1').locator('.ant-select-selection-item').filter({ hasText: 'Các xã, phường' }).waitFor();

    // the same in "Đơn vị phải báo cáo"
    const duty = page.getByLabel('Đơn vị phải báo cáo 1', { exact: true });
    await duty.click();
    await duty.fill('cac xa');
    await expect.poll(() => active.getAttribute('title'), SLOW).toBe('Các xã, phường');
    await duty.press('Enter');
    await duty.press('Escape');
    await page.getByTestId('duty-1').locator('.ant-select-selection-item').filter({ hasText: 'Các xã, phường' }).waitFor();

    // a body outside the tree, only through "Thêm cơ quan ngoài: …" (here the only choice, so Enter takes it)
    const lead = page.getByLabel('Chủ trì – nhiệm vụ 1', { exact: true });
    await lead.click();
    await lead.fill('Ủy ban MTTQ Việt Nam xã');
    await expect.poll(() => active.getAttribute('title'), SLOW).toBe('Thêm cơ quan ngoài: Ủy ban MTTQ Việt Nam xã');
    await lead.press('Enter');
    await lead.press('Escape');
    await page.getByTestId('task-1').locator('.ant-select-selection-item').filter({ hasText: /^Ủy ban MTTQ Việt Nam xã$/ }).waitFor();
    // typed again without diacritics, the body already named is found, not offered as a new one
    await lead.click();
    await lead.fill('uy ban mttq viet nam xa');
    await expect.poll(() => active.getAttribute('title'), SLOW).toBe('Ủy ban MTTQ Việt Nam xã');
    expect(await openDropdown(page).getByTitle(/^Thêm cơ quan ngoài/).count()).toBe(0);
    await lead.fill('');
    await lead.press('Escape');
    await saved(page);

    const content = (await call(services, 'plans.get', { id: plan.id, revision: null })).content;
    expect(content.tasks[0]!.implementing).toEqual([{ type: 'group', groupId: group.id, note: '' }]);
    expect(content.tasks[0]!.lead).toEqual([{ type: 'external', name: 'Ủy ban MTTQ Việt Nam xã', note: '' }]);
    expect(content.duties[0]!.units).toEqual([{ type: 'group', groupId: group.id, note: '' }]);
  });

  it('moves the period with the year in a derived plan, so the new year\'s deadlines save; the period stays editable', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    const parent = await newPlanWith(services, 'received', 2025, (c) => ({ ...c, tasks: [task('1', 'Tổ chức đối thoại với Nhân dân')] }));
    const derived = await call(services, 'plans.derive', { parentPlanId: parent.id });
    expect([derived.content.year, derived.content.periodStart, derived.content.periodEnd]).toEqual([2025, '2025-01-01', '2025-12-31']);
    await harness.open(`/ke-hoach/${derived.id}/sua`);

    // typed key by key over the old year, as a clerk does
    const year = page.getByRole('spinbutton', { name: 'Năm', exact: true });
    await year.selectText();
    await page.keyboard.type('2026');
    await year.press('Tab');
    await expect.poll(() => page.getByLabel('Từ ngày', { exact: true }).inputValue(), SLOW).toBe('01/01/2026');
    await expect.poll(() => page.getByLabel('Đến ngày', { exact: true }).inputValue(), SLOW).toBe('31/12/2026');

    // a 2026 deadline now fits in the plan
    await page.getByLabel('Thời gian thực hiện nhiệm vụ 1').click();
    await openDropdown(page).getByTitle('Hoàn thành trước ngày').click();
    await typeDate(page, 'Hạn nhiệm vụ 1', '30/06/2026');
    await saved(page);
    await expect(page.getByText(/ngoài thời gian của kế hoạch/).count()).resolves.toBe(0);

    // the period stays the clerk's to change
    await typeDate(page, 'Đến ngày', '30/09/2026');
    await saved(page);
    const content = (await call(services, 'plans.get', { id: derived.id, revision: null })).content;
    expect([content.year, content.periodStart, content.periodEnd, content.tasks[0]!.timeframe.dueDate]).toEqual([2026, '2026-01-01', '2026-09-30', '2026-06-30']);
  });
});

describe('a thôn\'s report typed in by the clerk', () => {
  it('names an empty figure row by its task and place, blocks sending only while it is there, and sends once it is removed', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    const thon = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const refs = [{ type: 'unit' as const, unitId: thon.id, note: '' }];
    const plan = await newPlanWith(services, 'own', 2026, (c) => ({
      ...c,
      tasks: ['Tuyên truyền Luật Thực hiện dân chủ ở cơ sở', 'Hòa giải ở cơ sở', 'Tiếp công dân', 'Đối thoại với Nhân dân'].map((body, i) => task(String(i + 1), body, { implementing: refs })),
      duties: [{ id: crypto.randomUUID(), kind: 'annual', label: '', dueDate: '2026-12-10', units: refs, recipient: '', quarter: null }],
    }));
    await call(services, 'plans.issue', { id: plan.id, number: '7', issueDate: '2026-01-05' });
    const report = await call(services, 'reports.open', { planId: plan.id, dutyId: plan.content.duties[0]!.id, unitId: thon.id });
    await call(services, 'reports.save', { id: report.id, content: { ...report.content, tasks: report.content.tasks.map((t) => ({ ...t, status: 'done' as const })) } });
    await harness.open(`/bao-cao/${report.id}`);

    const task4 = page.getByTestId('report-task-4');
    await task4.getByRole('button', { name: 'Thêm số liệu' }).click();
    await task4.getByTestId('figure-problem').getByText('Nhiệm vụ 4, số liệu thứ 1: chưa chọn chỉ tiêu').waitFor();
    // the autosave says the same, not "số liệu: Không được để trống"
    await page.getByText('Chưa lưu được: Nhiệm vụ 4, số liệu thứ 1: chưa chọn chỉ tiêu').waitFor();

    const dialog = page.getByRole('dialog', { name: 'Gửi báo cáo' });
    await page.getByRole('button', { name: 'Gửi báo cáo…' }).click();
    await dialog.getByText('Chưa gửi được: Nhiệm vụ 4, số liệu thứ 1: chưa chọn chỉ tiêu').waitFor();
    await settled(dialog);
    expect(await dialog.getByRole('button', { name: 'Gửi', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'report-empty-figure-row');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // removing the row takes its message with it
    await task4.getByRole('button', { name: 'Bỏ số liệu 1 – nhiệm vụ 4' }).click();
    await expect.poll(() => page.getByText(/số liệu thứ 1/).filter({ visible: true }).count(), SLOW).toBe(0);
    await saved(page);
    await page.getByRole('button', { name: 'Gửi báo cáo…' }).click();
    await dialog.getByText('Ngày nhận báo cáo').waitFor();
    await settled(dialog); // a click while it zooms in can land on the mask, which closes it unsent
    expect(await dialog.getByText(/Chưa gửi được/).filter({ visible: true }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByTestId('report-status').getByText('Đã gửi').waitFor({ timeout: 60_000 });
  });
});

describe('first start and the frame of every screen', () => {
  it('shows the first administrator\'s roles as fixed and explained, with nothing to untick, and gives all of them', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await call(services, 'office.save', { ...BINH_CHUONG });
    await page.reload();
    await page.getByText('Tạo tài khoản quản trị').first().waitFor();
    const roles = page.getByTestId('first-admin-roles');
    for (const role of ['Chuyên viên', 'Lãnh đạo', 'Quản trị']) await roles.getByText(role, { exact: true }).waitFor();
    await roles.getByText(/có thể bớt vai trò của tài khoản này trong mục Người dùng/).waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByText(/tùy chọn/i).count()).toBe(0);
    await screenshot(page, 'first-admin');

    await page.getByLabel('Họ và tên').fill('Nguyễn Văn Quản');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-quan-tri');
    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-quan-tri');
    await page.getByRole('button', { name: 'Tạo tài khoản và bắt đầu' }).click();
    await page.getByTestId('user-menu').getByText('Nguyễn Văn Quản').waitFor();
    const users = await call(services, 'users.list', {});
    expect(users.map((u) => [u.username, u.roles])).toEqual([['quantri', ['chuyen_vien', 'lanh_dao', 'quan_tri']]]);
  });

  it('keeps the header on one line at 1024×768, a long office name cut with "…" and shown whole on hover', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    const name = 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Bình Chương';
    await setUpOffice(services, { ...BINH_CHUONG, name });
    await page.setViewportSize({ width: 1024, height: 768 });
    await harness.open('/ke-hoach');
    const office = page.getByTestId('office-name');
    await office.waitFor();
    await screenshot(page, 'header-1024');
    const header = page.locator('.ant-layout-header');
    const box = await office.boundingBox();
    const headerBox = await header.boundingBox();
    const lineHeight = await office.evaluate((e) => parseFloat(getComputedStyle(e).fontSize) * 1.8);
    expect(box!.height).toBeLessThan(lineHeight); // one line of text, not two
    expect(await header.evaluate((e) => e.scrollHeight <= e.clientHeight)).toBe(true); // nothing spills below the header
    expect(headerBox!.height).toBeLessThanOrEqual(64);
    // the search box and the user menu stay on the header's line, inside the window
    for (const el of [page.getByLabel('Tìm kế hoạch, nhiệm vụ'), page.getByTestId('user-menu')]) {
      const b = (await el.boundingBox())!;
      expect(b.y).toBeGreaterThanOrEqual(headerBox!.y);
      expect(b.y + b.height).toBeLessThanOrEqual(headerBox!.y + headerBox!.height);
      expect(b.x + b.width).toBeLessThanOrEqual(1024);
    }
    expect(await office.getAttribute('title')).toBe(name);
    expect(await office.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true); // cut, with the ellipsis
  });
});
