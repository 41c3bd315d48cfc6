// The worker's entry when the app runs from source (npm run web, the command line, vitest): Node cannot
// load TypeScript in a worker by itself (execArgv --import tsx is ignored there in Node 20), so tsx is
// registered, the TypeScript entry and everything it imports statically are loaded, and tsx is
// unregistered before the first task: pdfjs-dist, imported lazily, is then loaded by Node itself (through
// tsx it takes 2 s and 400 MB more). So a task must not import TypeScript lazily. The desktop app loads
// the bundle dist/electron/untrusted-worker.cjs instead (scripts/build-electron.mjs).
import { register } from 'tsx/esm/api';

const unregister = register();
const { serve } = await import('./untrusted-worker.ts');
await unregister();
serve();
