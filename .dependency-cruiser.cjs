/**
 * Layering check (run by src/layering.test.ts in `npm test`; or `npx depcruise src --config .dependency-cruiser.cjs`).
 * Lowest layer first; a module may import from its own layer and the layers below it, never from one
 * above, and no import cycle anywhere. Test files (*.test.ts) may reach up (an integration test of a
 * station loads a scenario); everything they import is still checked as source.
 * The README's "Layout" section describes the same order.
 */
const LAYERS = [
  { name: 'units', path: '^src/(units|arrays)\\.ts$' },
  { name: 'random', path: '^src/random/' },
  // observe (pure streaming statistics: histograms, interval series, time-weighted means, the
  // fingerprint) sits below the kernel: they need no kernel, and the kernel's Resource keeps
  // time-weighted queue and busy statistics.
  { name: 'observe', path: '^src/observe/' },
  { name: 'kernel', path: '^src/kernel/' },
  { name: 'physics', path: '^src/physics/' },
  { name: 'motion', path: '^src/motion/' },
  { name: 'link', path: '^src/link/' },
  { name: 'radio', path: '^src/radio/' },
  { name: 'devices', path: '^src/devices/' },
  { name: 'backend', path: '^src/backend/' },
  { name: 'station', path: '^src/station/' },
  { name: 'scenario', path: '^src/scenario/' },
  { name: 'experiment', path: '^src/experiment/' },
  { name: 'report', path: '^src/report/' },
  { name: 'orchestration', path: '^src/(orchestrate|verify)/' },
  { name: 'cli', path: '^src/(cli|bench|testing)/|^src/(cli|index)\\.ts$' },
];
const TESTS = '\\.test\\.ts$';
const above = (i) => LAYERS.slice(i + 1).map((l) => `(${l.path})`).join('|');
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: { path: '^src/', pathNot: TESTS }, to: { circular: true } },
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `no-upward-from-${layer.name}`,
      severity: 'error',
      comment: `${layer.name} may import only from ${LAYERS.slice(0, i + 1).map((l) => l.name).join(', ')}`,
      from: { path: layer.path, pathNot: TESTS },
      to: { path: above(i) },
    })),
    {
      name: 'not-in-a-layer',
      severity: 'error',
      comment: 'every source file belongs to a layer (add its folder to LAYERS in .dependency-cruiser.cjs)',
      from: { path: '^src/', pathNot: `${LAYERS.map((l) => `(${l.path})`).join('|')}|${TESTS}` },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    parser: 'swc',
  },
};
