// The services worker's entry when the app runs from source (npm run web, vitest): Node cannot load
// TypeScript in a worker by itself (execArgv --import tsx is ignored there in Node 20), so tsx is
// registered first. Unlike untrusted-worker.mjs it stays registered: the services thread never loads
// pdfjs-dist (files from outside are read in the untrusted-file worker, started from here with its own
// entry), and a lazy import of our TypeScript must keep working. The desktop app loads the bundle
// dist/electron/services-worker.cjs instead (scripts/build-electron.mjs).
import { register } from 'tsx/esm/api';

register();
const { serve } = await import('./services-worker.ts');
serve();
