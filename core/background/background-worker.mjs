// The background worker's entry when the app runs from source (npm run web, vitest): Node cannot load
// TypeScript in a worker by itself (execArgv --import tsx is ignored there in Node 20), so tsx is
// registered first. The desktop app loads dist/electron/background-worker.cjs (scripts/build-electron.mjs).
import { register } from 'tsx/esm/api';

register();
const { serve } = await import('./background-worker.ts');
serve();
