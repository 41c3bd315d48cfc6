import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, screenshot, settled, type Harness } from '../helpers/browser';
import { BINH_CHUONG, call, expectError, setUpOffice } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { snapshotDatabase, withoutTables } from '../helpers/db-snapshot';
import { localIsoDate } from '../../core/services';
import { addDays } from '../../shared/dates/vn-date';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const PART_ABOVE_WHOLE = 'Nhiệm vụ 1: Số đơn thư đã giải quyết (12) lớn hơn số đơn thư tiếp nhận (8)';

describe('figures the office can trust', () => {
  it('a report whose part exceeds its whole cannot be sent; once sent, the reviewer and the consolidation flag a figure far from the previous quarter', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    const thon = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const today = localIsoDate(new Date());
    const year = Number(today.slice(0, 4));
    const refs = [{ type: 'unit' as const, unitId: thon.id, note: '' }];
    const [q1, q2] = [crypto.randomUUID(), crypto.randomUUID()];
    const plan = await newPlanWith(services, 'own', year, (c) => ({
      ...c,
      tasks: [task('1', 'Tiếp công dân, giải quyết đơn thư kịp thời', { implementing: refs })],
      duties: [
        { id: q1, kind: 'quarterly', label: '', dueDate: `${year}-03-20`, units: refs, recipient: '', quarter: 1 },
        { id: q2, kind: 'quarterly', label: '', dueDate: [addDays(today, 5), `${year}-12-31`].sort()[0]!, units: refs, recipient: '', quarter: 2 },
      ],
    }));
    await call(services, 'plans.issue', { id: plan.id, number: '7', issueDate: `${year}-01-05` });
    // quarter I, typed and accepted earlier: 10 citizens received
    const first = await call(services, 'reports.open', { planId: plan.id, dutyId: q1, unitId: thon.id });
    await call(services, 'reports.save', { id: first.id, content: { ...first.content, tasks: [{ ...first.content.tasks[0]!, status: 'done', figures: [{ name: 'Số lượt tiếp công dân', unit: 'lượt', value: 10 }] }] } });
    await call(services, 'reports.submit', { id: first.id, receivedDate: `${year}-03-18` });
    await call(services, 'reports.accept', { id: first.id });

    const report = await call(services, 'reports.open', { planId: plan.id, dutyId: q2, unitId: thon.id });
    await harness.open(`/bao-cao/${report.id}`);
    await page.getByTestId('report-status').getByText('Dự thảo').waitFor();
    await page.getByLabel('Tình trạng nhiệm vụ 1').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle('Hoàn thành', { exact: true }).click();
    const addFigure = async (row: number, name: string, value: string) => {
      await page.getByTestId('report-task-1').getByRole('button', { name: 'Thêm số liệu' }).click();
      await page.getByLabel(`Chỉ tiêu ${row} – nhiệm vụ 1`).fill(name);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle(name, { exact: true }).click();
      await page.getByLabel(`Giá trị ${row} – nhiệm vụ 1`).fill(value);
    };
    await addFigure(1, 'Số đơn thư tiếp nhận', '8');
    await addFigure(2, 'Số đơn thư đã giải quyết', '12');
    await addFigure(3, 'Số lượt tiếp công dân', '120');
    await expect.poll(() => page.getByLabel('Đơn vị tính 2 – nhiệm vụ 1').inputValue()).toBe('đơn');

    // said beside the row as it is typed; the draft keeps it (the clerk may be checking the paper)
    await page.getByTestId('figure-problem').getByText(PART_ABOVE_WHOLE).waitFor();
    await page.getByTestId('save-state').getByText(/Đã lưu lúc/).waitFor();
    await expect.poll(async () => (await call(services, 'reports.get', { id: report.id })).content.tasks[0]!.figures.map((f) => f.value)).toEqual([8, 12, 120]);

    // sending is refused in the window…
    const before = snapshotDatabase(harness.dataDir);
    const submitDialog = page.getByRole('dialog', { name: 'Gửi báo cáo' });
    await page.getByRole('button', { name: 'Gửi báo cáo…' }).click();
    await settled(submitDialog);
    await submitDialog.getByText(`Chưa gửi được: ${PART_ABOVE_WHOLE}`).waitFor();
    expect(await submitDialog.getByRole('button', { name: 'Gửi', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'figures-part-above-whole');
    await submitDialog.getByRole('button', { name: 'Hủy' }).click();
    await submitDialog.waitFor({ state: 'hidden' });
    // …and by the services, whoever calls them, with nothing written
    const refused = expectError(await services.call('reports.submit', { id: report.id, receivedDate: today }), 'VALIDATION');
    expect(refused.message).toBe(`Chưa gửi được: ${PART_ABOVE_WHOLE}.`);
    expect(withoutTables(snapshotDatabase(harness.dataDir), 'audit_event')).toEqual(withoutTables(before, 'audit_event'));

    // a negative count stays what was typed and is named, never taken as 0
    await page.getByLabel('Giá trị 2 – nhiệm vụ 1').fill('-3');
    await page.getByLabel('Kết quả nhiệm vụ 1').click();
    await page.getByTestId('figure-problem').getByText('Nhiệm vụ 1, số liệu «Số đơn thư đã giải quyết»: số liệu không được âm').waitFor();
    expect(await page.getByLabel('Giá trị 2 – nhiệm vụ 1').inputValue()).toBe('-3');

    await page.getByLabel('Giá trị 2 – nhiệm vụ 1').fill('6');
    await page.getByLabel('Kết quả nhiệm vụ 1').fill('Tiếp 120 lượt công dân, giải quyết 6/8 đơn thư');
    await expect.poll(() => page.getByTestId('figure-problem').count()).toBe(0);
    await page.getByTestId('save-state').getByText(/Đã lưu lúc/).waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo…' }).click();
    await settled(submitDialog);
    await submitDialog.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByTestId('report-status').getByText('Đã gửi').waitFor();

    // the reviewer is told before accepting; advice, not a block
    const flags = page.getByTestId('figure-outliers');
    await flags.getByText(`Số lượt tiếp công dân: 120 lượt, gấp 12 lần quý I năm ${year} (10 lượt)`).waitFor();
    expect(await flags.getByText(/Số đơn thư/).count()).toBe(0); // nothing earlier to compare with
    await screenshot(page, 'figures-review-outlier');
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByTestId('report-status').getByText('Đã tiếp nhận').waitFor();

    await harness.open(`/bao-cao/tong-hop/${plan.id}/${q2}`);
    const totals = page.locator('.ant-card').filter({ hasText: 'Số liệu tổng hợp' });
    await totals.getByRole('row').filter({ hasText: 'Số lượt tiếp công dân' }).getByText('từ 1/1 đơn vị').waitFor();
    await page.getByTestId('consolidation-outliers').getByText(`Thôn An Phú – Số lượt tiếp công dân: 120 lượt, gấp 12 lần quý I năm ${year} (10 lượt)`).waitFor();
    await screenshot(page, 'figures-consolidation');
    expect(harness.pageErrors).toEqual([]);
  });

  it('lets the clerk declare an indicator\'s kind and the whole it cannot exceed in the plan', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    const plan = await call(services, 'plans.create', { kind: 'own', year: 2026 });
    await harness.open(`/ke-hoach/${plan.id}/sua`);
    const count = plan.content.indicators.length;
    const choose = async (label: string, option: string) => {
      await page.getByLabel(label, { exact: true }).click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle(option, { exact: true }).click();
    };
    for (const [name, unit] of [['Số hộ được tuyên truyền', 'hộ'], ['Số hộ ký cam kết', 'hộ']]) {
      await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
      const row = page.getByLabel(`Chỉ tiêu ${count + 1 + (name === 'Số hộ ký cam kết' ? 1 : 0)}`, { exact: true });
      await row.fill(name!);
      await page.getByLabel(`Đơn vị tính của chỉ tiêu ${count + 1 + (name === 'Số hộ ký cam kết' ? 1 : 0)}`).fill(unit!);
    }
    await choose(`Chỉ tiêu ${count + 2} không lớn hơn`, '≤ Số hộ được tuyên truyền');
    await choose(`Loại chỉ tiêu ${count + 1}`, 'Số ≥ 0, có thể lẻ');
    await screenshot(page, 'figures-indicator-rules');
    await expect
      .poll(async () => (await call(services, 'plans.get', { id: plan.id })).content.indicators.slice(count).map((i) => [i.name, i.kind, i.partOf]))
      .toEqual([['Số hộ được tuyên truyền', 'quantity', null], ['Số hộ ký cam kết', 'count', expect.any(String)]]);
    const saved = (await call(services, 'plans.get', { id: plan.id })).content.indicators;
    expect(saved[count + 1]!.partOf).toBe(saved[count]!.id);
    expect(harness.pageErrors).toEqual([]);
  });
});
