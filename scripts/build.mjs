// Bundles the language server, the command-line tool and the VS Code client with esbuild.
// `node scripts/build.mjs` builds for development (source maps); `--production` minifies for packaging.
//
// Two builds of the extension: for Node (dist/extension.js, dist/server.js: the desktop, a VS Code
// server's extension host, the command line) and for the browser (dist/web/extension.js for VS Code's
// web-worker extension host, dist/web/server.js for a Web Worker: see scripts/build-web.mjs).
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { noGlobs, unusedClientFeatures, webBuilds } from './build-web.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');

/**
 * `semver/functions/parse` and `semver/functions/satisfies`, which vscode-languageclient's Node client
 * requires to compare VS Code's version with a caret range, resolved to client/src/versionCheck.ts:
 * semver's range parser was 6.5 KB of the .vsix's 400 KB (test/vscode/unit/versionCheck.test.ts holds them equal).
 */
const versionCheck = {
  name: 'kamervraag-version-check',
  setup(build) {
    build.onResolve({ filter: /^semver\/functions\/(parse|satisfies)$/ }, (args) => ({ path: args.path, namespace: 'version-check' }));
    build.onLoad({ filter: /.*/, namespace: 'version-check' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(fileURLToPath(new URL('../client/src/versionCheck.ts', import.meta.url)))}).${args.path.split('/').pop()};`,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ESM dependencies (fdir under tinyglobby) use import.meta.url, which a CommonJS bundle lacks.
  define: { KAMERVRAAG_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
  // The reading thread of `kamervraag check` and `list` (server/src/cli/readAhead.ts): a script of its own, small.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/readerThread.ts'], outfile: 'dist/readerThread.js' }),
  // Language server: started over IPC by the VS Code client, over stdio by bin/kamervraag-language-server.js.
  esbuild.build({
    ...common,
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server.js',
    define: { KAMERVRAAG_VERSION: JSON.stringify(JSON.parse((await import('node:fs')).readFileSync('package.json', 'utf8')).version) },
  }),
  // VS Code client: `vscode` is provided by the extension host; vscode-languageclient is bundled, with the
  // two semver functions its version check calls taken from client/src/versionCheck.ts, no minimatch, and
  // none of the features the server does not use (client/src/unusedFeatures.ts).
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [versionCheck, noGlobs, unusedClientFeatures] }),
  ...webBuilds({ production, version }),
]);

// The packaged bundles get a second, stronger minification: terser takes the four bundles of the .vsix
// about 8 % smaller than esbuild alone (gzip 33 KB less), which keeps the .vsix with both builds under
// its 400 KB budget. Development builds stay as esbuild writes them (with source maps).
if (production) {
  for (const file of ['dist/extension.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js']) {
    const result = await minify(readFileSync(file, 'utf8'), { compress: { passes: 2 }, mangle: true, toplevel: true });
    if (typeof result.code !== 'string') throw new Error(`terser gave no code for ${file}`);
    writeFileSync(file, result.code);
  }
}
