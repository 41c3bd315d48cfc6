import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../core/services';
import { previousPasswords, serverKit, type KitAccount } from '../core/server-kit/server-kit';
import type { AppStatus } from '../shared/api/contract';
import { formatVnDateTime } from '../shared/dates/vn-date';
import type { Unit } from '../shared/units/unit-schemas';

/** Units that have no computer of their own (they report through the clerk) get no account. */
const WITHOUT_COMPUTER: Unit['kind'][] = ['thon', 'to_dan_pho'];

export interface ServerConfigArgs {
  out: string;
  url: string;
  root: string;
  htpasswdFile: string;
  certificateFile: string;
  keyFile: string;
  listen?: string[];
  logDir?: string;
}

/**
 * The province's server kit from the office's own list of units (`units.list`, active ones): written into
 * `out`, the password files with mode 0600. A tai-khoan.csv already there keeps its passwords.
 */
export async function writeServerConfig(services: Services, args: ServerConfigArgs): Promise<{ ok: true; accounts: KitAccount[]; files: string[] } | { ok: false; message: string }> {
  let url: URL;
  try {
    url = new URL(args.url);
  } catch {
    return { ok: false, message: `Địa chỉ "${args.url}" không hợp lệ; ví dụ: https://dv.snv.quangngai.gov.vn/danvan` };
  }
  if (url.protocol !== 'https:') return { ok: false, message: 'Địa chỉ máy chủ phải bắt đầu bằng https:// (bộ cài chỉ dựng máy chủ có mã hóa).' };
  if (url.search || url.hash || url.username) return { ok: false, message: 'Địa chỉ máy chủ chỉ gồm https://, tên máy, cổng (nếu có) và đường dẫn.' };
  if (!/^(\/[A-Za-z0-9_-]+)*\/?$/.test(url.pathname)) return { ok: false, message: 'Đường dẫn trong địa chỉ chỉ gồm chữ không dấu, số, "-" và "_".' };
  const status = await services.call('app.status', {});
  if (!status.ok) return { ok: false, message: status.error.message };
  const s = status.value as AppStatus;
  if (s.state === 'databaseError') return { ok: false, message: s.databaseError ?? 'Không mở được dữ liệu.' };
  if (!s.office) return { ok: false, message: 'Thư mục dữ liệu này chưa khai báo cơ quan; mở ứng dụng và khai báo trước.' };
  const units = await services.call('units.list', { includeInactive: false });
  if (!units.ok) return { ok: false, message: units.error.message };
  const names = [s.office.name, ...(units.value as Unit[]).filter((u) => !WITHOUT_COMPUTER.includes(u.kind)).map((u) => u.name)];
  const out = path.resolve(args.out);
  const csv = path.join(out, 'tai-khoan.csv');
  const previous = fs.existsSync(csv) ? previousPasswords(fs.readFileSync(csv, 'utf8')) : undefined;
  let kit: ReturnType<typeof serverKit>;
  try {
    kit = serverKit(names, {
      url,
      root: args.root,
      htpasswdFile: args.htpasswdFile,
      certificateFile: args.certificateFile,
      keyFile: args.keyFile,
      generatedOn: formatVnDateTime(new Date()),
      previous,
      listen: args.listen?.length ? args.listen : undefined,
      accessLog: args.logDir ? path.join(args.logDir, 'danvan-webdav.access.log') : undefined,
      errorLog: args.logDir ? path.join(args.logDir, 'danvan-webdav.error.log') : undefined,
    });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  fs.mkdirSync(out, { recursive: true });
  for (const file of kit.files) {
    const target = path.join(out, file.name);
    fs.writeFileSync(target, file.content, { mode: file.mode });
    fs.chmodSync(target, file.mode); // an existing file keeps its old mode through writeFileSync
  }
  return { ok: true, accounts: kit.accounts, files: kit.files.map((f) => path.join(out, f.name)) };
}

/** The table the officer hands out, one office a line. */
export function accountTable(accounts: KitAccount[]): string {
  const width = Math.min(60, Math.max(...accounts.map((a) => a.name.length)));
  return accounts.map((a) => `${a.name.padEnd(width)}  ${a.account.padEnd(30)}  ${a.password}`).join('\n');
}
