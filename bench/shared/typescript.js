// Lets a bench require the repository's TypeScript (libs/platform/testing's AppProcesses, say) as the test suites load
// it: compiled on the fly by SWC with the repository's .swcrc, from the source tree, where its paths resolve as they do
// for the tests (from dist/ they would not: REPO_ROOT is counted in directories from the file).
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const ROOT = path.join(__dirname, '..', '..');

require.extensions['.ts'] ??= (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { filename, root: ROOT, swcrc: true, sourceMaps: 'inline' });
  module._compile(code, filename);
};
