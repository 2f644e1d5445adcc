// The import rules of DESIGN.md, "Who may import whom", checked on every `npm test`
// (tests/harness/check-boundaries.mjs) and by tests/unit/boundaries/import-rules.test.ts.
// Type-only imports count: a type pulled from a behaviour folder still couples the panel to it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'panel-imports-only-contract-messaging-db',
      comment: 'The panel is a view: it reaches behaviour only through lib/messaging commands, reads live rows through lib/db and shares shapes through lib/contract.',
      severity: 'error',
      from: { path: '^(components|entrypoints/sidepanel)/' },
      to: { path: '^lib/', pathNot: '^lib/(contract|messaging|db)/' },
    },
    {
      name: 'lib-never-imports-react-or-components',
      comment: 'Logic lives in lib/ and runs in the background and in tests without a DOM.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: ['^components/', '^node_modules/(react|react-dom|dexie-react-hooks|react-markdown|react-virtuoso)/'] },
    },
    {
      name: 'policy-touches-no-browser-api',
      comment: 'lib/policy decides; it must run in plain tests, so no extension API reaches it.',
      severity: 'error',
      from: { path: '^lib/policy/' },
      to: { path: ['^lib/browser/', '^node_modules/(wxt|webextension-polyfill|@wxt-dev/(webextension-polyfill|browser))/'] },
    },
    {
      name: 'contract-imports-only-zod-and-sdk-types',
      comment: 'Shapes both sides share: nothing but zod, the SDK\'s types.js and other contract files.',
      severity: 'error',
      from: { path: '^lib/contract/' },
      to: {
        pathNot: ['^lib/contract/', '^node_modules/zod/', '^node_modules/@modelcontextprotocol/sdk/dist/(esm|cjs)/types\\.(js|d\\.ts)$'],
      },
    },
    {
      name: 'messaging-imports-only-contract',
      comment: 'The command and port protocols are made of contract shapes; behaviour stays in the background.',
      severity: 'error',
      from: { path: '^lib/messaging/' },
      to: { path: '^(lib|components|entrypoints)/', pathNot: '^lib/(messaging|contract)/' },
    },
    {
      name: 'db-imports-no-behaviour',
      comment: 'Rows and repositories sit below the behaviour that uses them (lib/mcp importing lib/db and back was a loop).',
      severity: 'error',
      from: { path: '^lib/db/' },
      to: { path: '^lib/(mcp|chat|auth|llm)/' },
    },
    {
      name: 'every-import-resolves',
      comment: 'An import the cruiser cannot resolve is one no rule above can judge, so it fails too.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    webpackConfig: { fileName: 'tests/harness/boundaries-resolve.cjs' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
