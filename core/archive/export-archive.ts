import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Database } from '../../db/schema';
import { syncDirectory } from '../../db/backups';
import { applyKey } from '../../db/encryption';
import { lowerSlug } from '../../shared/text/fold';
import { formatVnDateTime } from '../../shared/dates/vn-date';
import { exportPlanDocx } from '../plans/plan-export';
import { exportConsolidated } from '../reports/report-exports';
import { attachmentFile } from '../reports/attachments';
import { archiveReadme } from './archive-readme';

/** Columns holding secret key material or passwords (and setting keys naming them): never exported. */
// "must_change_password" is a yes/no flag an auditor may want, not a secret.
export const SECRET_NAME = /private_key|(?<!must_change_)password|passwd|secret|salt|token/i;

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export type Progress = (done: number, total: number, step: string) => void;

export interface ArchiveOptions {
  /** The live database: a consistent snapshot of it is taken first, and everything is read from that. */
  sqlite: BetterSqlite3.Database;
  /** The live database's key: its snapshot is encrypted the same way. The archive itself is plain on purpose (for auditors). */
  encryptionKey: string | null;
  dataDir: string;
  /** A folder already checked (checkTargetFolder). */
  folder: string;
  now: Date;
  nativeBinding?: string;
  progress: Progress;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localStamp = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}_${pad(d.getHours())}${pad(d.getMinutes())}`;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Everything in one .zip a successor or an auditor reads without the app: README.txt, every table as
 * JSON (without secret keys and passwords), the evidence files, each plan's .docx and each consolidated
 * report's .docx. Written as <name>.zip.part and renamed when complete. Returns the archive's path.
 */
export async function writeArchive(o: ArchiveOptions): Promise<string> {
  const snapshot = path.join(o.dataDir, `.xuat-${crypto.randomUUID()}.tmp`);
  try {
    o.sqlite.prepare('VACUUM INTO ?').run(snapshot);
  } catch (error) {
    fs.rmSync(snapshot, { force: true });
    throw error;
  }
  const sqlite = new BetterSqlite3(snapshot, { readonly: true, ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}) });
  if (o.encryptionKey) applyKey(sqlite, o.encryptionKey);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let part: string | null = null;
  let fd: number | null = null;
  try {
    const office = (await db.selectFrom('office').select('name').executeTakeFirst())?.name ?? 'chua-khai-bao';
    const all = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    const skipped = all.filter((t) => virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`))).map((t) => t.name);
    const tables = all.map((t) => t.name).filter((n) => !skipped.includes(n));
    const attachments = await db.selectFrom('attachment').select(['sha256', 'mime']).orderBy('sha256').execute();
    const plans = await db.selectFrom('plan').select('id').orderBy('year').orderBy('created_at').execute();
    const consolidations = await db
      .selectFrom('office_report')
      .select(['plan_id', 'duty_id'])
      .union(db.selectFrom('report').select(['plan_id', 'duty_id']).where('status', '=', 'accepted'))
      .execute();
    const total = tables.length + attachments.length + plans.length + consolidations.length + 1;
    let done = 0;
    const step = async (label: string) => {
      o.progress(++done, total, label);
      await nextTick(); // lets the progress be read while the archive is written
    };

    const fileName = uniqueName(o.folder, `DanVan_toan-bo-du-lieu_${lowerSlug(office) || 'co-quan'}_${localStamp(o.now)}`, '.zip');
    part = path.join(o.folder, `${fileName}.part`);
    fd = fs.openSync(part, 'wx');
    const out = fd;
    let finished = false;
    const zip = new Zip((error, chunk, final) => {
      if (error) throw error;
      fs.writeSync(out, chunk);
      if (final) finished = true;
    });
    const mtime = o.now;
    const add = (name: string, bytes: Uint8Array, compress = true) => {
      const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(bytes, true);
    };

    const rowsOf: { name: string; rows: number }[] = [];
    const omitted = new Set<string>();
    for (const table of tables) {
      const rows = (sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
        .filter((row) => !(table === 'setting' && SECRET_NAME.test(String(row.key))))
        .map((row) => readableRow(table, row, omitted));
      add(`du-lieu/${table}.json`, strToU8(JSON.stringify(rows, null, 2)));
      rowsOf.push({ name: table, rows: rows.length });
      await step(`Ghi bảng dữ liệu ${table}`);
    }

    const missing: string[] = [];
    for (const a of attachments) {
      const file = attachmentFile(o.dataDir, a.sha256);
      if (fs.existsSync(file)) add(`tep-dinh-kem/${a.sha256}.${EXTENSIONS[a.mime] ?? 'bin'}`, fs.readFileSync(file), false);
      else missing.push(a.sha256);
      await step('Chép tệp đính kèm');
    }

    const failed: string[] = [];
    const used = new Set<string>();
    let planDocs = 0;
    for (const p of plans) {
      try {
        const doc = await exportPlanDocx(db, p.id, null);
        add(`van-ban/ke-hoach/${distinct(used, doc.fileName)}`, Buffer.from(doc.base64, 'base64'), false);
        planDocs++;
      } catch {
        failed.push(`Kế hoạch ${p.id}`);
      }
      await step('Tạo văn bản kế hoạch');
    }
    let reportDocs = 0;
    for (const c of consolidations) {
      try {
        const doc = await exportConsolidated(db, c.plan_id, c.duty_id, 'docx');
        add(`van-ban/bao-cao-tong-hop/${distinct(used, doc.fileName)}`, Buffer.from(doc.base64, 'base64'), false);
        reportDocs++;
      } catch {
        failed.push(`Báo cáo tổng hợp của kế hoạch ${c.plan_id}, yêu cầu ${c.duty_id}`);
      }
      await step('Tạo báo cáo tổng hợp');
    }

    const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
    const facts = {
      officeName: office,
      exportedAt: formatVnDateTime(o.now),
      schemaVersion,
      tables: rowsOf,
      omittedColumns: [...omitted].sort(),
      skippedTables: virtual,
      attachments: attachments.length - missing.length,
      missingAttachments: missing,
      planDocuments: planDocs,
      reportDocuments: reportDocs,
      failedDocuments: failed,
    };
    add('thong-tin.json', strToU8(JSON.stringify({ ...facts, exportedAt: o.now.toISOString() }, null, 2)));
    add('README.txt', strToU8(archiveReadme(facts)));
    zip.end();
    if (!finished) throw new Error('zip not finished');
    fs.fsyncSync(out);
    fs.closeSync(out);
    fd = null;
    const target = path.join(o.folder, fileName);
    fs.renameSync(part, target);
    part = null;
    syncDirectory(o.folder);
    await step('Xong');
    return target;
  } finally {
    if (fd !== null) fs.closeSync(fd);
    if (part) fs.rmSync(part, { force: true });
    await db.destroy();
    fs.rmSync(snapshot, { force: true });
  }
}

/** A row as JSON a person reads: secret columns dropped, *_json columns parsed, bytes as base64. */
function readableRow(table: string, row: Record<string, unknown>, omitted: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (SECRET_NAME.test(column)) {
      omitted.add(`${table}.${column}`);
      continue;
    }
    if (column.endsWith('_json') && typeof value === 'string') out[column] = parseOr(value);
    else if (Buffer.isBuffer(value)) out[column] = { base64: value.toString('base64') };
    else out[column] = value;
  }
  return out;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function distinct(used: Set<string>, name: string): string {
  const ext = path.extname(name);
  let candidate = name;
  for (let i = 2; used.has(candidate); i++) candidate = `${name.slice(0, name.length - ext.length)}_${i}${ext}`;
  used.add(candidate);
  return candidate;
}

function uniqueName(folder: string, base: string, ext: string): string {
  let name = `${base}${ext}`;
  for (let i = 2; fs.existsSync(path.join(folder, name)) || fs.existsSync(path.join(folder, `${name}.part`)); i++) name = `${base}-${i}${ext}`;
  return name;
}
