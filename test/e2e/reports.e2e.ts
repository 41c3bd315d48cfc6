import crypto from 'node:crypto';
import path from 'node:path';
import mammoth from 'mammoth';
import { tempDir } from '../helpers/temp-dir';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, screenshot, type Harness } from '../helpers/browser';
import { BINH_CHUONG, call, setUpOffice } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { snapshotDatabase } from '../helpers/db-snapshot';
import { localIsoDate } from '../../core/services';
import { addDays } from '../../shared/dates/vn-date';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('unit reports, as the clerk types one in for a thôn and reviews it', () => {
  it('opens from the matrix, saves as typed, submits, is returned with a reason, resubmitted and accepted', async () => {
    harness = await openHarness();
    const { page, services } = harness;
    await setUpOffice(services, { ...BINH_CHUONG });
    const thon = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const today = localIsoDate(new Date());
    const year = Number(today.slice(0, 4));
    const due = [addDays(today, 5), `${year}-12-31`].sort()[0]!;
    const refs = [{ type: 'unit' as const, unitId: thon.id, note: '' }];
    const plan = await newPlanWith(services, 'own', year, (c) => ({
      ...c,
      tasks: [task('1', 'Tuyên truyền Luật Thực hiện dân chủ ở cơ sở', { implementing: refs }), task('2', 'Hòa giải ở cơ sở', { implementing: refs })],
      duties: [{ id: crypto.randomUUID(), kind: 'annual', label: '', dueDate: due, units: refs, recipient: '', quarter: null }],
    }));
    await call(services, 'plans.issue', { id: plan.id, number: '7', issueDate: `${year}-01-05` });

    await harness.open('/bao-cao');
    await page.getByRole('button', { name: 'Thôn An Phú – Báo cáo năm' }).getByText('Chưa đến hạn').waitFor();
    await page.getByRole('button', { name: 'Thôn An Phú – Báo cáo năm' }).click();
    await page.getByTestId('report-status').getByText('Dự thảo').waitFor();

    // sending before every task has a status is refused, nothing written
    const before = snapshotDatabase(harness.dataDir);
    const submitDialog = page.getByRole('dialog', { name: 'Gửi báo cáo' });
    await page.getByRole('button', { name: 'Gửi báo cáo…' }).click();
    await submitDialog.getByText('Ngày nhận báo cáo').waitFor();
    await submitDialog.getByRole('button', { name: 'Gửi', exact: true }).click();
    await submitDialog.getByText(/nhiệm vụ thứ 1 – chọn tình trạng/).waitFor();
    expect(snapshotDatabase(harness.dataDir).report_revision).toEqual(before.report_revision);
    await submitDialog.getByRole('button', { name: 'Hủy' }).click();
    await submitDialog.waitFor({ state: 'hidden' });

    const status = async (ordinal: string, label: string) => {
      await page.getByLabel(`Tình trạng nhiệm vụ ${ordinal}`).click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle(label, { exact: true }).click();
    };
    await status('1', 'Hoàn thành');
    await page.getByLabel('Kết quả nhiệm vụ 1').fill('Tổ chức 4 buổi tuyên truyền cho 320 lượt người');
    await page.getByTestId('report-task-1').getByRole('button', { name: 'Thêm số liệu' }).click();
    await page.getByLabel('Chỉ tiêu 1 – nhiệm vụ 1').fill('so cuoc doi'); // from the plan's catalogue, typed without diacritics
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle('Số cuộc đối thoại').click();
    await expect.poll(() => page.getByLabel('Đơn vị tính 1 – nhiệm vụ 1').inputValue()).toBe('cuộc');
    await page.getByLabel('Giá trị 1 – nhiệm vụ 1').fill('4');
    await page.getByTestId('report-task-1').locator('input[type=file]').setInputFiles({ name: 'Biên bản tuyên truyền.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% minh chứng\n') });
    await page.getByTestId('report-task-1').getByText('Biên bản tuyên truyền.pdf').waitFor();
    await page.getByTestId('report-task-1').locator('input[type=file]').setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from('không phải ảnh') });
    await page.getByText(/Tệp "anh.png" không đúng định dạng .png/).waitFor();
    await status('2', 'Không thực hiện');
    await page.getByLabel('Lý do không thực hiện nhiệm vụ 2').fill('Không phát sinh vụ việc');
    await page.getByLabel('Hạn chế').fill('Một số hộ chưa tham gia');
    await page.getByTestId('save-state').getByText(/Đã lưu lúc/).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Kết quả nhiệm vụ 1').inputValue()).toBe('Tổ chức 4 buổi tuyên truyền cho 320 lượt người');
    await screenshot(page, 'report-editor');

    await page.getByRole('button', { name: 'Gửi báo cáo…' }).click();
    await submitDialog.getByText('Ngày nhận báo cáo').waitFor();
    await submitDialog.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByTestId('report-status').getByText('Đã gửi').waitFor();

    const returnDialog = page.getByRole('dialog', { name: 'Trả lại báo cáo' });
    await page.getByRole('button', { name: 'Trả lại…' }).click();
    await returnDialog.getByLabel('Lý do trả lại').fill('Bổ sung số người tham gia');
    await returnDialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByText('Báo cáo bị trả lại. Lý do: Bổ sung số người tham gia').waitFor();
    await page.getByTestId('report-task-1').getByRole('button', { name: 'Thêm số liệu' }).click();
    await page.getByLabel('Chỉ tiêu 2 – nhiệm vụ 1').fill('Số lượt người tham gia');
    await page.getByLabel('Giá trị 2 – nhiệm vụ 1').fill('320');
    await page.getByTestId('save-state').getByText(/Đã lưu lúc/).waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo…' }).click();
    await submitDialog.getByText('Ngày nhận báo cáo').waitFor();
    await submitDialog.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByTestId('report-status').getByText('Đã gửi').waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByTestId('report-status').getByText('Đã tiếp nhận').waitFor();
    await page.getByText(/Gửi lần 2/).waitFor();
    await page.getByText('Nhiệm vụ 1: sửa số liệu').waitFor(); // what changed between the two submissions

    await page.getByRole('link', { name: '← Bảng theo dõi báo cáo' }).click();
    await page.getByRole('button', { name: 'Thôn An Phú – Báo cáo năm' }).getByText('Đã tiếp nhận').waitFor();
    await screenshot(page, 'report-matrix');

    // consolidate: the office's own report, drafted from the accepted one, exported as BÁO CÁO and its appendix
    await page.getByRole('button', { name: 'Tổng hợp' }).click();
    await page.getByText('Tổng hợp báo cáo năm').waitFor();
    await page.locator('tr').filter({ hasText: 'Tuyên truyền Luật' }).getByText('Hoàn thành', { exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('Hạn chế').inputValue()).toBe('- Thôn An Phú: Một số hộ chưa tham gia');
    await page.getByRole('img', { name: 'Hoàn thành' }).first().locator('.recharts-bar-rectangle').first().waitFor(); // charts drawn
    await page.getByLabel('Hạn chế').fill('Một số thôn còn chậm.');
    await page.getByTestId('save-state').getByText(/Đã lưu lúc/).waitFor();
    const word = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Word (báo cáo)' }).click();
    const docx = await word;
    expect(docx.suggestedFilename()).toBe(`BC-bao-cao-nam-${year}_ubnd-xa-binh-chuong.docx`);
    const docxFile = path.join(tempDir(), 'bc.docx');
    await docx.saveAs(docxFile);
    const text = (await mammoth.extractRawText({ path: docxFile })).value;
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Tổ chức 4 buổi tuyên truyền cho 320 lượt người'); // the unit's words, its figure already in them
    expect(text).toContain('Số lượt người tham gia'); // the annex's row
    expect(text).toContain('Một số thôn còn chậm.');
    const excel = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel (phụ lục)' }).click();
    expect((await excel).suggestedFilename()).toMatch(/_phu-luc\.xlsx$/);
    await screenshot(page, 'consolidation');
    const revisions = await call(services, 'reports.revisions', { id: JSON.parse(snapshotDatabase(harness.dataDir).report![0]!).id });
    expect(revisions[1]!.changes).toEqual(['Nhiệm vụ 1: sửa số liệu']);
    expect(harness.pageErrors).toEqual([]);
  });
});
