/**
 * `npm run web`: the whole app in a browser, on a machine where Electron cannot run.
 * Options: --data-dir DIR (default: DANVAN_DATA_DIR or ~/.danvan-web), --port N.
 * --demo: a demo province (Sở Nội vụ, 150 communes, 10 years; --communes, --years, --seed to change it),
 * made once in ~/.danvan-demo/… (or --data-dir) and reused on the next start.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServicesHost } from '../core/host/thread-host';
import { ensureDemoProvince } from '../core/demo/demo-cache';
import { DEMO_ADMIN } from '../core/demo/demo-province';
import { startHttpHost } from './http-host';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    demo: { type: 'boolean', default: false },
    communes: { type: 'string', default: '150' },
    years: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
  },
});
let dataDir = path.resolve(values['data-dir'] ?? process.env.DANVAN_DATA_DIR ?? path.join(os.homedir(), '.danvan-web'));
if (values.demo) {
  const [communes, years, seed] = [Number(values.communes), Number(values.years), Number(values.seed)];
  const demoDir = path.resolve(values['data-dir'] ?? path.join(os.homedir(), '.danvan-demo', `tinh-${communes}xa-${years}nam-seed${seed}`));
  console.log(`Dữ liệu mẫu: ${demoDir}`);
  const started = performance.now();
  const demo = await ensureDemoProvince({
    dataDir: demoDir,
    communes,
    years,
    seed,
    onProgress: (p) => console.log(`  [${(p.elapsedMs / 1000).toFixed(1).padStart(6)} s] ${p.message}`),
  });
  console.log(demo.reused ? `Dùng lại dữ liệu mẫu đã tạo (tính đến ngày ${demo.summary.today}).` : `Đã tạo dữ liệu mẫu sau ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  dataDir = demo.dataDir;
}
// The services in a worker thread (core/host/): this thread keeps serving pages while a backup, an export or an import runs.
const services = await startServicesHost({ dataDir, syncIntervalMs: 60_000 });
const host = await startHttpHost({ services, rendererDir: path.resolve('dist/renderer'), port: values.port ? Number(values.port) : 0 });
// The token is in this address only (pages never carry it): whoever can read this console can open the app.
console.log(`Dân vận đang chạy; mở địa chỉ này trong trình duyệt: ${host.signInUrl}`);
console.log(`Dữ liệu: ${dataDir}`);
if (values.demo) console.log(`Đăng nhập dữ liệu mẫu: ${DEMO_ADMIN.username} / ${DEMO_ADMIN.password}`);
console.log('Nhấn Ctrl+C để dừng.');
const stop = async () => {
  await host.close();
  await services.close(); // waits for work in progress (a backup, an export, a sync round)
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
