import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../core/services';
import { call, expectError } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { docxParagraphs, docxParts } from '../helpers/docx';
import { snapshotDatabase, withoutTables } from '../helpers/db-snapshot';

import { exportFinished, namesIn, servicesWithClock } from '../helpers/backups';
import { tempDir } from '../helpers/temp-dir';

/** An issued plan, a thôn's accepted report with a PDF as evidence, and a draft plan. */
async function officeWithWork(services: Services) {
  const thon = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
  const owes = [{ type: 'unit' as const, unitId: thon.id, note: '' }];
  const dutyId = crypto.randomUUID();
  const plan = await newPlanWith(services, 'own', 2026, (c) => ({
    ...c,
    title: 'Kế hoạch thực hiện dân chủ ở cơ sở năm 2026',
    tasks: [task('1', 'Tổ chức đối thoại với Nhân dân', { implementing: owes })],
    duties: [{ id: dutyId, kind: 'semiannual', label: '', dueDate: '2026-06-10', units: owes, recipient: '', quarter: null }],
  }));
  await call(services, 'plans.issue', { id: plan.id, number: '5', issueDate: '2026-02-01' });
  const pdf = Buffer.from('%PDF-1.4\nbiên bản đối thoại');
  const evidence = await call(services, 'attachments.add', { fileName: 'Biên bản.pdf', base64: pdf.toString('base64') });
  const report = await call(services, 'reports.open', { planId: plan.id, dutyId, unitId: thon.id });
  await call(services, 'reports.save', { id: report.id, content: { ...report.content, tasks: report.content.tasks.map((t) => ({ ...t, status: 'done', doneText: 'Đã đối thoại 2 lần', attachments: [evidence] })) } });
  await call(services, 'reports.submit', { id: report.id, receivedDate: '2026-06-05' });
  await call(services, 'reports.accept', { id: report.id });
  await call(services, 'plans.create', { kind: 'own', year: 2027 });
  return { pdf, evidence };
}

async function finished(services: Services, jobId: string) {
  const job = await exportFinished(services, jobId);
  if (job.state === 'running') throw new Error('export did not finish');
  return job;
}

describe('export of everything', () => {
  it('writes one .zip a reader without the app can use: README, every table as JSON, evidence files, documents; no secret key', async () => {
    const { services, dataDir } = await servicesWithClock('2026-11-20T02:00:00Z');
    const { pdf, evidence } = await officeWithWork(services);
    // the accounts' password hashes are left out by the same rule as the private key
    const raw = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'));
    const passwordHash = (raw.prepare('SELECT password_hash FROM app_user').get() as { password_hash: string }).password_hash;
    const privateKey = (raw.prepare('SELECT private_key_pem FROM installation').get() as { private_key_pem: string }).private_key_pem;
    raw.close();

    const folder = tempDir();
    const before = snapshotDatabase(dataDir);
    const started = await call(services, 'backups.exportAll', { folder });
    expect(started).toMatchObject({ state: 'running', done: 0, filePath: null, error: null });
    const job = await finished(services, started.jobId);
    expect(job).toMatchObject({ state: 'done', error: null });
    expect(job.done).toBe(job.total);
    expect(job.total).toBeGreaterThan(20);
    expect(namesIn(folder)).toEqual([path.basename(job.filePath!)]);
    expect(path.basename(job.filePath!)).toMatch(/^DanVan_toan-bo-du-lieu_ubnd-xa-binh-chuong_2026-11-\d\d_\d{4}\.zip$/);
    expect(withoutTables(snapshotDatabase(dataDir), 'audit_event')).toEqual(withoutTables(before, 'audit_event')); // only the audit line of the export
    expect(namesIn(dataDir).filter((n) => n.startsWith('.'))).toEqual([]); // its snapshot is gone

    const zip = unzipSync(new Uint8Array(fs.readFileSync(job.filePath!)));
    const names = Object.keys(zip);
    const json = (name: string) => JSON.parse(strFromU8(zip[name]!)) as Record<string, unknown>[];

    // every table, row for row, except the search index
    const db = new BetterSqlite3(path.join(dataDir, 'danvan.sqlite'), { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'plan_search%'").all() as { name: string }[]).map((t) => t.name);
    expect(tables.length).toBeGreaterThan(20);
    for (const table of tables) {
      const rows = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      // the export's own audit line is written as the job starts, in the services' thread, while the job's worker
      // opens the database: the snapshot has it or not; every other table is exactly what the data holds
      if (table === 'audit_event') expect([rows - 1, rows], table).toContain(json(`du-lieu/${table}.json`).length);
      else expect(json(`du-lieu/${table}.json`).length, table).toBe(rows);
    }
    db.close();
    expect(names.filter((n) => n.startsWith('du-lieu/plan_search'))).toEqual([]);
    expect(json('du-lieu/unit.json').map((u) => u.name)).toEqual(['Thôn An Phú']);
    expect((json('du-lieu/plan.json')[0]!.content_json as { title: string }).title).toBe('Kế hoạch thực hiện dân chủ ở cơ sở năm 2026');
    expect(json('du-lieu/report_event.json').map((e) => e.kind)).toEqual(['submitted', 'accepted']);

    // no secret key material, no password
    expect(Object.keys(json('du-lieu/installation.json')[0]!).sort()).toEqual(['created_at', 'id', 'public_key_pem']);
    expect(json('du-lieu/app_user.json').map((u) => [u.username, 'password_hash' in u])).toEqual([['quantri', false]]);
    expect(json('du-lieu/audit_event.json').map((e) => e.summary)).toContain('Tạo tài khoản quản trị đầu tiên');
    for (const name of names) {
      const text = Buffer.from(zip[name]!).toString('latin1');
      expect(text.includes('PRIVATE KEY'), name).toBe(false);
      expect(text.includes(passwordHash), name).toBe(false);
      expect(text.includes('scrypt$abc'), name).toBe(false);
      expect(Buffer.from(zip[name]!).includes(Buffer.from(privateKey.split('\n')[1]!)), name).toBe(false);
    }

    // evidence files and the generated documents
    expect(Buffer.from(zip[`tep-dinh-kem/${evidence.sha256}.pdf`]!).equals(pdf)).toBe(true);
    const plans = names.filter((n) => n.startsWith('van-ban/ke-hoach/'));
    expect(plans).toHaveLength(2);
    expect(plans).toContain('van-ban/ke-hoach/KH-2026_so-5_ubnd-xa-binh-chuong.docx');
    expect(docxParagraphs(docxParts(Buffer.from(zip['van-ban/ke-hoach/KH-2026_so-5_ubnd-xa-binh-chuong.docx']!)).document).join('\n')).toMatch(/Tổ chức đối thoại với Nhân dân/);
    const reports = names.filter((n) => n.startsWith('van-ban/bao-cao-tong-hop/'));
    expect(reports).toHaveLength(1);
    expect(docxParagraphs(docxParts(Buffer.from(zip[reports[0]!]!)).document).join('\n')).toMatch(/Đã đối thoại 2 lần/);

    const readme = strFromU8(zip['README.txt']!);
    expect([...zip['README.txt']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with a BOM, for Notepad
    expect(readme).toMatch(/^DÂN VẬN – TOÀN BỘ DỮ LIỆU\r\n/);
    expect(readme).toContain('Cơ quan: UBND xã Bình Chương');
    expect(readme).toContain('- unit.json (1): các đơn vị báo cáo');
    expect(readme).toContain('- app_user.json (1): ');
    expect(readme).toContain('(các cột: app_user.password_hash, installation.private_key_pem)');
    expect(readme).toContain('(2 tệp)');
    expect(JSON.parse(strFromU8(zip['thong-tin.json']!))).toMatchObject({ officeName: 'UBND xã Bình Chương', planDocuments: 2, reportDocuments: 1 });
    await services.close();
  });

  it('refuses a folder it cannot use, and an unknown job, with a Vietnamese message', async () => {
    const { services } = await servicesWithClock('2026-11-20T02:00:00Z');
    expect(expectError(await services.call('backups.exportAll', { folder: 'du-lieu' }), 'VALIDATION').message).toMatch(/^Thư mục: gõ đường dẫn đầy đủ/);
    expect(expectError(await services.call('backups.exportAll', { folder: '/khong/co/thu-muc/nay' }), 'VALIDATION').message).toBe('Thư mục: "/khong/co/thu-muc/nay" không tồn tại (ổ USB đã cắm chưa?)');
    expect(expectError(await services.call('backups.exportProgress', { jobId: crypto.randomUUID() }), 'NOT_FOUND').message).toMatch(/Không tìm thấy lần xuất dữ liệu này/);
    await services.close();
  });
});
