// Resolves the @lienthong/* aliases of tsconfig.base.json inside the compiled dist/ tree,
// so that `node -r ./scripts/register-paths.js dist/apps/<app>/src/main.js` runs an app.
const path = require('node:path');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

const paths = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, [target.replace(/\.ts$/, '.js')]]),
);
register({ baseUrl: path.join(__dirname, '..', 'dist'), paths });
