// Run by test/unit/backups-restore.test.ts in its own process: a restore that the power cut stops at one step.
import { createServices } from '../../core/services';
import { signInAsAdmin } from './service-setup';

const [dataDir, fileName, step] = process.argv.slice(2);
const services = await createServices({
  dataDir: dataDir!,
  log: () => undefined,
  onRestoreStep: (reached) => {
    if (reached === step) process.kill(process.pid, 'SIGKILL'); // no cleanup code runs, as in a power cut
  },
});
await signInAsAdmin(services);
const result = await services.call('backups.restore', { fileName: fileName! });
process.stdout.write(JSON.stringify(result));
await services.close();
