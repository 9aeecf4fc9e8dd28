/**
 * Module-level rules for the workspace sources, checked by scripts/__tests__/module-graph.test.ts. Which package
 * may import which is checked there too (package-layering.test.ts); this file catches what that cannot see.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle makes load order matter and hides a missing seam; type-only references are free.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'no-deep-import',
      comment: "Another package is reached through its public entry (its package name), never through its files.",
      severity: 'error',
      from: { path: '^packages/([^/]+)/' },
      to: { path: '^packages/([^/]+)/', pathNot: '^packages/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(lib|node_modules)/' },
    tsPreCompilationDeps: true,
  },
};
