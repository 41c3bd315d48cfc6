// esbuild options for a CommonJS bundle of code that finds files beside itself by import.meta.url (the
// untrusted-file, background and services workers): import.meta.url becomes the bundle's own address.
// Used by build-electron.mjs and build-cli.mjs.
export const bundleMetaUrl = { define: { 'import.meta.url': '__bundleUrl' }, banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" } };
