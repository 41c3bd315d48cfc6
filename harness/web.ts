/**
 * `npm run web`: the whole app in a browser, on a machine where Electron cannot run.
 * Options: --data-dir DIR (default: DANVAN_DATA_DIR or ~/.danvan-web), --port N.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../core/services';
import { startHttpHost } from './http-host';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } } });
const dataDir = path.resolve(values['data-dir'] ?? process.env.DANVAN_DATA_DIR ?? path.join(os.homedir(), '.danvan-web'));
const services = await createServices({ dataDir, syncIntervalMs: 60_000 });
const host = await startHttpHost({ services, rendererDir: path.resolve('dist/renderer'), port: values.port ? Number(values.port) : 0 });
console.log(`Dân vận đang chạy tại ${host.url}`);
console.log(`Dữ liệu: ${dataDir}`);
console.log('Nhấn Ctrl+C để dừng.');
const stop = async () => {
  await host.close();
  await services.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
