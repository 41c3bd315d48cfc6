// Injected into dist/electron/untrusted-worker.cjs (scripts/build-electron.mjs), the thread where the desktop app
// reads PDFs. pdfjs-dist's Node build creates a DOMMatrix as it loads (for drawing pages on a canvas) and, in Node,
// borrows DOMMatrix from @napi-rs/canvas: a 33 MB native package, installed for the build machine's platform only,
// which the packed app leaves out (electron-builder.yml). The app reads only the text layer, which never uses
// DOMMatrix, so a placeholder lets pdfjs-dist load. It has no methods on purpose: drawing a page would fail with a
// TypeError instead of drawing wrongly. test/unit/packaging.test.ts reads a PDF with the packed worker.
// From source (tests, `npm run web`, the command line) @napi-rs/canvas is installed and this file is not used.
if (typeof globalThis.DOMMatrix === 'undefined') {
  globalThis.DOMMatrix = class DOMMatrix {};
}
