/** Layer rules: who may import whom. Checked by `npm run lint:layers` (part of `npm test`). */
module.exports = {
  forbidden: [
    {
      name: 'renderer-only-shared',
      comment: 'The renderer talks to the services only through the contract in shared/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(core|db|electron|harness|cli|scripts)/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-electron-below-shell',
      comment: 'Services, db and shared run in plain Node (tests, harness, CLI).',
      severity: 'error',
      from: { path: '^(core|db|shared|harness|cli)/' },
      to: { path: '(^electron/|node_modules/electron/)' },
    },
    {
      name: 'no-renderer-below',
      severity: 'error',
      from: { path: '^(core|db|shared|electron|harness|cli)/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ is used by the renderer too: nothing that needs Node.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(core|db|electron|harness|cli)/|node_modules/(better-sqlite3|kysely)/', dependencyTypes: ['local', 'npm', 'npm-dev', 'core'] },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'db-below-core',
      comment: 'db/ is storage only; it does not call the services.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(core|harness|cli)/' },
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
