// The browser build of the extension (VS Code in the browser: vscode.dev, github.dev, code-server),
// bundled by esbuild from the same sources as the Node build:
//  - dist/web/extension.js: the client, for VS Code's web-worker extension host (CommonJS with only
//    `require('vscode')`), vscode-languageclient/browser;
//  - dist/web/server.js: the language server for a Web Worker, one self-contained file (an IIFE; the
//    client may start it from a blob: URL), vscode-languageserver/browser.
// The platform modules are swapped: client/src/serverNode.ts → serverBrowser.ts and
// server/src/platform/node.ts → browser.ts. Nothing of Node may reach these bundles: importing a Node
// built-in module fails the build, and so does a bundle whose inputs include a Node-only module or
// whose inputs use `process` (checkWebBundle, also used by the unit test test/unit/webBundle.test.ts).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Node module → its browser counterpart, by path from the repository root. */
export const WEB_SWAPS = {
  'client/src/serverNode.ts': 'client/src/serverBrowser.ts',
  'server/src/platform/node.ts': 'server/src/platform/browser.ts',
};

/** Inputs that must never be in a web bundle (the Node modules and what only they import). */
export const NODE_ONLY = [/^client\/src\/serverNode\.ts$/, /^server\/src\/platform\/node\.ts$/, /^server\/src\/service\/nodeWorkspace\.ts$/,
  /node_modules\/vscode-(languageserver|languageclient|jsonrpc|languageserver-protocol)\/lib\/node\//];

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The esbuild plugin: swaps the platform modules and refuses Node's built-in modules. */
export const webPlatform = {
  name: 'kamervraag-web-platform',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const target = path.relative(REPO, path.resolve(args.resolveDir, args.path)).split(path.sep).join('/');
      const swap = WEB_SWAPS[`${target}.ts`] ?? WEB_SWAPS[target];
      return swap ? { path: path.join(REPO, swap) } : undefined;
    });
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!BUILTINS.has(args.path)) return undefined;
      return { errors: [{ text: `the web build must not use Node's "${args.path}" (imported by ${path.relative(REPO, args.importer)})` }] };
    });
  },
};

/**
 * What is wrong with a web bundle, from its esbuild metafile: Node-only inputs, and an input that uses
 * Node's `process` global (undefined in a Web Worker). Our own sources must not name it at all; a
 * library may, behind a `typeof process` test (minimatch and vscode-uri detect the platform so). An
 * empty list when it is fine. `read(input)` gives an input's source text.
 */
export function checkWebBundle(metafile, read) {
  const problems = [];
  for (const input of Object.keys(metafile.inputs)) {
    if (NODE_ONLY.some((re) => re.test(input))) problems.push(`Node-only input ${input}`);
    const ours = !input.includes('node_modules/');
    const text = read(input);
    // Comments may name it. Cut are block comments that start a line and `//` comments on a line of
    // their own, in our own sources also after code (`file://` in a string stays).
    const code = text.replace(ours ? /^\s*\/\*[\s\S]*?\*\/|(^|\s)\/\/.*$/gm : /^\s*\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const use = /\bprocess\s*\.\s*[a-z][A-Za-z]*\b|\bprocess\s*\[/.exec(code);
    const guarded = !ours && /typeof\s+process\b|\btypeof\s*\(\s*process\s*\)|["']\w+["']\s*[!=]==?\s*typeof\s+process/.test(code);
    if (use && !guarded) problems.push(`${input} uses ${use[0]}`);
  }
  return problems;
}

/**
 * `minimatch`, which vscode-languageclient requires for glob patterns a server may register and ours never
 * does, resolved to client/src/noGlobs.ts (both client bundles: scripts/build.mjs for the desktop's).
 */
export const noGlobs = {
  name: 'kamervraag-no-globs',
  setup(build) {
    build.onResolve({ filter: /^minimatch$/ }, () => ({ path: fileURLToPath(new URL('../client/src/noGlobs.ts', import.meta.url)) }));
  },
};

/** The modules of vscode-languageclient the client bundles leave out: the stand-ins' `UNUSED_MODULES` (test/unit/webBundle.test.ts). */
export const UNUSED_CLIENT_MODULES = ['notebook', 'diagnostic', 'fileOperations', 'semanticTokens'];

/**
 * Four feature modules of vscode-languageclient that this server never uses (notebooks, pull diagnostics,
 * file operations, semantic tokens), resolved to client/src/unusedFeatures.ts in both client bundles. Only
 * where the library's client and API require them: a library that requires them from elsewhere fails the
 * build, to be looked at (test/vscode/unit/unusedFeatures.test.ts says the same from the library's files).
 */
export const unusedClientFeatures = {
  name: 'kamervraag-unused-client-features',
  setup(build) {
    const stub = fileURLToPath(new URL('../client/src/unusedFeatures.ts', import.meta.url));
    build.onResolve({ filter: new RegExp(`^\\./(${UNUSED_CLIENT_MODULES.join('|')})$`) }, (args) => {
      const from = args.importer.replace(/\\/g, '/');
      if (!/\/vscode-languageclient\/lib\/common\/[^/]+\.js$/.test(from)) return undefined;
      if (!/\/(client|api)\.js$/.test(from)) throw new Error(`${from} requires ${args.path}, which the client bundles leave out (client/src/unusedFeatures.ts)`);
      return { path: stub };
    });
  },
};

/** The two web bundles' esbuild builds (promises), checked after they are written. */
export function webBuilds({ production = false, version = '0.0.0-dev', outdir = 'dist/web' } = {}) {
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    sourcemap: !production, // linked .map files (not in the .vsix)
    minify: production,
    logLevel: 'warning',
    metafile: true,
    write: true,
    absWorkingDir: REPO,
    define: { KAMERVRAAG_VERSION: JSON.stringify(version) },
    plugins: [webPlatform],
  };
  const check = (name) => (result) => {
    const problems = checkWebBundle(result.metafile, (input) => readFileSync(path.join(REPO, input), 'utf8'));
    if (problems.length) throw new Error(`web build ${name}: ${problems.join('\n  ')}`);
    return result;
  };
  return [
    esbuild.build({ ...common, format: 'cjs', entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'], plugins: [webPlatform, noGlobs, unusedClientFeatures] })
      .then(check('client')),
    esbuild.build({ ...common, format: 'iife', entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js` }).then(check('server')),
  ];
}
