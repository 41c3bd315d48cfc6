/**
 * Layer rules: who may import whom. Checked by `npm run lint:layers` (part of `npm test`);
 * `test/unit/layer-rules.test.ts` proves each rule refuses what it should.
 *
 * Every layer except core/ has an allow-list: a dependency that is not in it is an error,
 * whatever it is (another layer, an npm package, a Node builtin, a file that does not resolve).
 * core/ may use any npm package and Node builtin, and db/ and shared/, but nothing above it.
 * A new npm package in a layer is added to its list here, on purpose.
 *
 * Paths of npm packages are matched as `(^|/)node_modules/<name>/` so the rules also hold
 * where node_modules is a symlink (resolved to its real path).
 */

/** `(^|/)node_modules/(a|b|…)/` — an import resolved into one of these npm packages. */
const npm = (...names) => `(^|/)node_modules/(${names.map((n) => n.replace(/[.]/g, '\\.')).join('|')})/`;

/** The UI packages the renderer uses. */
const UI_PACKAGES = ['react', 'react-dom', 'react-router', 'antd', '@ant-design/icons', '@tanstack/react-query', 'dayjs', 'recharts', 'zod'];

module.exports = {
  forbidden: [
    {
      name: 'shared-only-zod',
      comment: 'shared/ runs in the renderer too (and in the sandboxed preload): only shared/ and zod. No Node builtins, no db, no document libraries.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: [`^shared/`, npm('zod')] },
    },
    {
      name: 'db-only-storage',
      comment: 'db/ is storage: db/, the pure shared/, kysely, better-sqlite3 and Node builtins. It does not call the services.',
      severity: 'error',
      from: { path: '^db/' },
      to: { pathNot: [`^(db|shared)/`, npm('kysely', 'better-sqlite3')], dependencyTypesNot: ['core'] },
    },
    {
      name: 'core-not-above',
      comment: 'core/ runs in plain Node (tests, harness, CLI): never the shells above it, the UI, test code or the electron package.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: [`^(electron|renderer|harness|cli|test|bench|scripts)/`, npm('electron')] },
    },
    {
      name: 'electron-only-core-shared',
      comment: 'electron/ is a thin shell: electron/, the services in core/, the contract in shared/, the electron package and Node builtins. Never db/ directly (the services open the database).',
      severity: 'error',
      from: { path: '^electron/' },
      to: { pathNot: [`^(electron|core|shared)/`, npm('electron')], dependencyTypesNot: ['core'] },
    },
    {
      name: 'preload-only-contract',
      comment: 'The preload runs sandboxed in the window: only the contract in shared/ and the electron package (contextBridge, ipcRenderer).',
      severity: 'error',
      from: { path: '^electron/preload\\.ts$' },
      to: { pathNot: [`^shared/`, npm('electron')] },
    },
    {
      name: 'renderer-only-shared-and-ui',
      comment: 'The renderer talks to the services only through the contract in shared/: renderer/, shared/ and its UI packages. No Node builtins, no database or zip libraries.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { pathNot: [`^(renderer|shared)/`, npm(...UI_PACKAGES)] },
    },
    {
      name: 'harness-only-core-shared',
      comment: 'harness/ serves the services over HTTP: harness/, core/, shared/ and Node builtins. Never db/ directly.',
      severity: 'error',
      from: { path: '^harness/' },
      to: { pathNot: [`^(harness|core|shared)/`], dependencyTypesNot: ['core'] },
    },
    {
      name: 'cli-only-core-shared',
      comment: 'cli/ acts through the services: cli/, core/, shared/ and Node builtins. Never db/ directly.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { pathNot: [`^(cli|core|shared)/`], dependencyTypesNot: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
