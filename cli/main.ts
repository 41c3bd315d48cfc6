/**
 * Command line over the same services, for IT staff and scripts: `npm run -s cli -- <command> …`.
 *   info --data-dir DIR   installation id, office, schema version and counts, as JSON
 *   plan parse FILE [--progress]  a plan read from .docx, .pdf (text or scan), .txt, .jpg, .png or .tif, as JSON; --progress: the pages on stderr
 *   users reset-password --data-dir DIR --username NAME
 *                         a temporary password for a locked-out or forgotten account (logged)
 *   bundle verify FILE [--data-dir DIR]
 *                         a .dvb's verdict as JSON (sender, unit, kind, revision, signature, reason); exit 1 if refused
 *   bundle import FILE|DIR… --data-dir DIR [--trust FINGERPRINT]… [--receipts DIR]
 *                         imports each through the window's checks, one line each; exit 1 if any was refused
 *   bundle export --data-dir DIR --out DIR [--plan ID]
 *                         writes the bundles the clerk could send now (plans down, this office's reports up)
 *   demo seed --data-dir DIR [--communes 150] [--years 10] [--seed 1] [--today YYYY-MM-DD]
 *                         a demo province (Sở Nội vụ and its communes) written through the services
 *   server config --data-dir DIR --out DIR --url https://… [--root DIR] [--cert FILE] [--key FILE] [--htpasswd FILE]
 *                         the province's WebDAV server kit (nginx site, accounts, setup script): docs/server.md
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../core/services';
import { runInfo } from './info-command';
import { runPlanParse } from './plan-parse-command';
import { runResetPassword } from './reset-password-command';
import { runDemoSeed } from './demo-command';
import { bundleFiles, exportBundles, importBundles, verifyBundle } from './bundle-command';
import { accountTable, writeServerConfig } from './server-command';
import { isIsoDate } from '../shared/dates/vn-date';

const USAGE =
  'Cách dùng: npm run -s cli -- info --data-dir THƯ_MỤC | plan parse TỆP [--progress] | bundle verify TỆP [--data-dir THƯ_MỤC] | bundle import TỆP|THƯ_MỤC… --data-dir THƯ_MỤC [--trust MÃ_KHÓA]… [--receipts THƯ_MỤC] | bundle export --data-dir THƯ_MỤC --out THƯ_MỤC [--plan MÃ] | users reset-password --data-dir THƯ_MỤC --username TÊN | demo seed --data-dir THƯ_MỤC [--communes 150] [--years 10] [--seed 1] [--today YYYY-MM-DD] | server config --data-dir THƯ_MỤC --out THƯ_MỤC --url https://… [--root THƯ_MỤC] [--cert TỆP] [--key TỆP] [--htpasswd TỆP]';

async function demoSeed(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, communes: { type: 'string', default: '150' }, years: { type: 'string', default: '10' }, seed: { type: 'string', default: '1' }, today: { type: 'string' } },
  });
  const [communes, years, seed] = [Number(values.communes), Number(values.years), Number(values.seed)];
  if (!values['data-dir'] || ![communes, years, seed].every(Number.isInteger) || (values.today && !isIsoDate(values.today))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    await runDemoSeed({ dataDir: values['data-dir'], communes, years, seed, today: values.today }, (line) => process.stdout.write(`${line}\n`));
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const cliServices = (dataDir: string) => createServices({ dataDir: path.resolve(dataDir), log: () => undefined, localOperator: 'Công cụ dòng lệnh trên máy' });

async function bundle(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, trust: { type: 'string', multiple: true, default: [] }, receipts: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' } },
    allowPositionals: true,
  });
  const dataDir = values['data-dir'];
  const usage = () => {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  };
  if (sub === 'verify') {
    if (positionals.length !== 1) return usage();
    const services = dataDir ? await cliServices(dataDir) : null;
    try {
      const verdict = await verifyBundle(positionals[0]!, services);
      out(JSON.stringify(verdict, null, 2));
      return verdict.valid ? 0 : 1;
    } finally {
      await services?.close();
    }
  }
  if (!dataDir) return usage();
  if (sub === 'import' && positionals.length) {
    const services = await cliServices(dataDir);
    try {
      return (await importBundles(services, bundleFiles(positionals), values.trust, values.receipts, out)) ? 0 : 1;
    } finally {
      await services.close();
    }
  }
  if (sub === 'export' && values.out && !positionals.length) {
    const services = await cliServices(dataDir);
    try {
      const written = await exportBundles(services, path.resolve(values.out), values.plan, out);
      out(`Đã ghi ${written} tệp gói vào ${path.resolve(values.out)}.`);
      return 0;
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      return 1;
    } finally {
      await services.close();
    }
  }
  return usage();
}

async function serverConfig(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      url: { type: 'string' },
      root: { type: 'string', default: '/srv/danvan' },
      cert: { type: 'string', default: '/etc/ssl/danvan/danvan.crt' },
      key: { type: 'string', default: '/etc/ssl/danvan/danvan.key' },
      htpasswd: { type: 'string', default: '/etc/nginx/danvan.htpasswd' },
      // for a test or a second site on one machine: where nginx listens and logs
      listen: { type: 'string', multiple: true },
      'log-dir': { type: 'string' },
    },
  });
  if (!values['data-dir'] || !values.out || !values.url) {
    process.stderr.write(`Thiếu --data-dir, --out hoặc --url. ${USAGE}\n`);
    return 2;
  }
  const services = await cliServices(values['data-dir']);
  try {
    const written = await writeServerConfig(services, {
      out: values.out,
      url: values.url,
      root: values.root,
      certificateFile: values.cert,
      keyFile: values.key,
      htpasswdFile: values.htpasswd,
      listen: values.listen,
      logDir: values['log-dir'],
    });
    if (!written.ok) {
      process.stderr.write(`${written.message}\n`);
      return 1;
    }
    out(`Đã ghi ${written.files.join(', ')}.`);
    out(`Tài khoản của ${written.accounts.length} cơ quan (cũng trong tai-khoan.csv, chỉ người quản trị đọc được):`);
    out(accountTable(written.accounts));
    return 0;
  } finally {
    await services.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'server' && rest[0] === 'config') return serverConfig(rest.slice(1));
  if (command === 'demo' && rest[0] === 'seed') return demoSeed(rest.slice(1));
  if (command === 'bundle') return bundle(rest);
  const { values, positionals } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' }, username: { type: 'string' }, progress: { type: 'boolean' } }, allowPositionals: true });
  if (command === 'plan' && positionals[0] === 'parse' && positionals[1]) {
    const onPage = values.progress ? (p: { page: number; pages: number; ocr: boolean }) => process.stderr.write(`Đang đọc trang ${p.page}/${p.pages}${p.ocr ? ' (nhận dạng chữ trên ảnh)' : ''}\n`) : undefined;
    const result = await runPlanParse(positionals[1], onPage);
    if (!result.ok) {
      process.stderr.write(`${result.message}\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(result.json, null, 2)}\n`);
    return 0;
  }
  const resetting = command === 'users' && positionals[0] === 'reset-password';
  if (command !== 'info' && !resetting) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dataDir = values['data-dir'];
  if (!dataDir) {
    process.stderr.write(`Thiếu --data-dir. ${USAGE}\n`);
    return 2;
  }
  if (resetting && !values.username) {
    process.stderr.write(`Thiếu --username. ${USAGE}\n`);
    return 2;
  }
  const services = await createServices({ dataDir: path.resolve(dataDir), log: () => undefined, localOperator: 'Công cụ dòng lệnh trên máy' });
  try {
    if (resetting) {
      const reset = await runResetPassword(services, values.username!);
      if (!reset.ok) {
        process.stderr.write(`${reset.message}\n`);
        return 1;
      }
      process.stdout.write(`Mật khẩu tạm của ${reset.user.fullName} (${reset.user.username}): ${reset.password}\nHãy đăng nhập bằng mật khẩu này và đổi ngay; việc đặt lại đã được ghi vào nhật ký.\n`);
      return 0;
    }
    const info = await runInfo(services);
    if (!info.ok) {
      process.stderr.write(`${info.message}\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(info.value, null, 2)}\n`);
    return 0;
  } finally {
    await services.close();
  }
}

// no top-level await: the same file is bundled as CommonJS (scripts/build-cli.mjs)
void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
