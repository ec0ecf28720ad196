/**
 * Folder layering of src/ (see docs/architecture.md). A folder may import its own files and the
 * folders before it in LAYERS, never one after it: so no two folders import each other, and each
 * new capability has one obvious place. `npm run lint` runs this with `depcruise src`.
 */
const LAYERS = ['core', 'typography', 'i18n', 'facts', 'parse', 'project', 'translate', 'localize', 'render', 'pipeline', 'publish', 'serve', 'cli'];

const layering = LAYERS.map((layer, i) => ({
  name: `layer-${layer}`,
  comment: `src/${layer}/ may import only ${['itself', ...LAYERS.slice(0, i)].join(', ')} (docs/architecture.md)`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(i + 1).join('|') || '(?!)'})/` },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'Modules must not import each other, directly or through others.', severity: 'error', from: {}, to: { circular: true } },
    { name: 'no-unknown-folder', comment: `Every file of src/ lives in one of the layers: ${LAYERS.join(', ')}.`, severity: 'error', from: { path: '^src/', pathNot: `^src/(${LAYERS.join('|')})/` }, to: {} },
    { name: 'not-to-tests', comment: 'Source never imports tests or benchmarks.', severity: 'error', from: { path: '^src/' }, to: { path: '^(tests|bench)/' } },
    ...layering,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};
