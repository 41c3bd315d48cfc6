import crypto from 'node:crypto';
import { asciiSlug, lowerSlug } from '../../shared/text/fold';
import { apr1 } from './apr1';
import { nginxSite, sitePrefix, type KitOffice } from './nginx-site';

export interface KitAccount extends KitOffice {
  password: string;
}

export interface KitFile {
  name: string;
  content: string;
  /** 0o600 for what holds a password or its hash. */
  mode: number;
}

export interface ServerKitOptions {
  url: URL;
  root: string;
  htpasswdFile: string;
  certificateFile: string;
  keyFile: string;
  generatedOn: string;
  /** The passwords of a previous kit (account → password): re-running keeps them, new offices get new ones. */
  previous?: Map<string, string>;
  listen?: string[];
  accessLog?: string;
  errorLog?: string;
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 20 characters from 32 unambiguous ones (100 bits), read out over the phone without confusion. */
export function randomPassword(): string {
  return [...crypto.randomBytes(20)].map((b) => ALPHABET[b & 31]).join('');
}

/**
 * The offices on the province's server: the office itself and each unit that has its own computer. Each
 * gets the folder the app reads and writes (the office's name in ASCII, as `asciiSlug` in core/sync) and
 * an account in lower case (the same letters); two names that meet in one folder stop the kit.
 */
export function kitAccounts(officeNames: string[], previous = new Map<string, string>()): KitAccount[] {
  const accounts: KitAccount[] = [];
  const byFolder = new Map<string, string>();
  for (const name of officeNames) {
    const folder = asciiSlug(name);
    const account = lowerSlug(name);
    if (!folder) throw new Error(`Tên "${name}" không cho ra được tên thư mục (cần có chữ hoặc số).`);
    const clash = byFolder.get(folder.toLowerCase());
    if (clash !== undefined) {
      if (clash === name) continue;
      throw new Error(`"${clash}" và "${name}" cho ra cùng một thư mục "${folder}" trên máy chủ: đổi tên một trong hai đơn vị rồi chạy lại.`);
    }
    byFolder.set(folder.toLowerCase(), name);
    accounts.push({ name, folder, account, password: previous.get(account) ?? randomPassword() });
  }
  return accounts;
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The files of the kit: nginx site, htpasswd, the accounts to hand out, and the setup script for Debian/Ubuntu. */
export function serverKit(officeNames: string[], o: ServerKitOptions): { accounts: KitAccount[]; files: KitFile[] } {
  const accounts = kitAccounts(officeNames, o.previous);
  const site = nginxSite({ ...o, offices: accounts });
  const htpasswd = accounts.map((a) => `${a.account}:${apr1(a.password)}\n`).join('');
  const address = `${o.url.origin}${sitePrefix(o.url).replace(/\/$/, '')}`;
  const table = ['Cơ quan,Địa chỉ máy chủ,Tên đăng nhập,Mật khẩu,Thư mục', ...accounts.map((a) => [a.name, address, a.account, a.password, a.folder].map(csvCell).join(','))].join('\r\n');
  const folders = accounts.map((a) => `  ${a.folder} \\`).join('\n');
  const setup = `#!/bin/sh
# Dân vận — cài máy chủ WebDAV trên Debian/Ubuntu (chạy bằng root: sudo sh cai-dat.sh). Xem docs/server.md.
set -eu
cd "$(dirname "$0")"
apt-get install -y nginx libnginx-mod-http-dav-ext
ROOT=${o.root}${sitePrefix(o.url).replace(/\/$/, '')}
for f in \\
${folders}
; do
  install -d -o www-data -g www-data -m 0750 "$ROOT/$f"
done
install -o root -g www-data -m 0640 danvan.htpasswd ${o.htpasswdFile}
install -o root -g root -m 0644 danvan-webdav.conf /etc/nginx/conf.d/danvan-webdav.conf
test -r ${o.certificateFile} && test -r ${o.keyFile} || { echo "Chưa có chứng chỉ ${o.certificateFile} và khóa ${o.keyFile} (docs/server.md, bước 3)."; exit 1; }
nginx -t
systemctl reload-or-restart nginx
echo "Xong: ${accounts.length} cơ quan, địa chỉ ${address}"
`;
  return {
    accounts,
    files: [
      { name: 'danvan-webdav.conf', content: site, mode: 0o644 },
      { name: 'danvan.htpasswd', content: htpasswd, mode: 0o600 },
      { name: 'tai-khoan.csv', content: `\uFEFF${table}\r\n`, mode: 0o600 },
      { name: 'cai-dat.sh', content: setup, mode: 0o755 },
    ],
  };
}

/** Account → password from a previous tai-khoan.csv, so a re-run does not change every office's password. */
export function previousPasswords(csv: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of csv.replace(/^\uFEFF/, '').split(/\r?\n/).slice(1)) {
    const cells = [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
    if (cells.length >= 4 && cells[2] && cells[3]) found.set(cells[2], cells[3]);
  }
  return found;
}
