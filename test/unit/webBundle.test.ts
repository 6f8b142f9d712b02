// The browser build (scripts/build-web.mjs) keeps Node out of dist/web/: a Node built-in module fails
// the build, the platform modules are swapped for their browser counterparts, and the check of a bundle's
// inputs finds a Node-only module or an unguarded `process` (issue 14).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { UNUSED_MODULES } from '../../client/src/unusedFeatures';

const repo = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const load = (f: string): Promise<any> => import(pathToFileURL(path.join(repo, f)).href);

test('a Node built-in module in the browser build fails it, with the importer named', async () => {
  const esbuild = await load('node_modules/esbuild/lib/main.js');
  const { webPlatform } = await load('scripts/build-web.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-web-'));
  try {
    for (const name of ['fs', 'node:path', 'os']) {
      const entry = path.join(dir, `uses-${name.replace(':', '-')}.ts`);
      fs.writeFileSync(entry, `import * as m from '${name}';\nexport const x = m;\n`);
      await assert.rejects(
        esbuild.build({ entryPoints: [entry], bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [webPlatform] }),
        (e: Error) => e.message.includes(`must not use Node's "${name}"`) && e.message.includes(path.basename(entry)),
      );
    }
    // Without the plugin esbuild would take it (platform node), so the refusal is the plugin's.
    const ok = await esbuild.build({ entryPoints: [path.join(dir, 'uses-fs.ts')], bundle: true, platform: 'node', write: false, logLevel: 'silent' });
    assert.equal(ok.errors.length, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the web bundles take the browser platform modules and nothing Node-only', async () => {
  const { webBuilds, checkWebBundle } = await load('scripts/build-web.mjs');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-web-out-'));
  try {
    const [client, server] = await Promise.all(webBuilds({ outdir }));
    const inputs = (r: { metafile: { inputs: object } }) => Object.keys(r.metafile.inputs);
    assert.ok(inputs(client).includes('client/src/serverBrowser.ts'));
    assert.ok(inputs(client).includes('client/src/workspaceFiles.ts'));
    assert.ok(!inputs(client).includes('client/src/serverNode.ts'));
    assert.ok(inputs(client).some((i) => i.includes('vscode-languageclient/lib/browser/')));
    // The parser and its tables are the server's: a client import that reaches them (the workspace index,
    // through a constant) put the topic table in both client bundles.
    for (const serverOnly of ['server/src/core/parse.ts', 'server/src/core/topics.ts', 'server/src/service/workspaceIndex.ts']) {
      assert.ok(!inputs(client).includes(serverOnly), `${serverOnly} in the client`);
    }
    assert.ok(inputs(server).includes('server/src/platform/browser.ts'));
    assert.ok(inputs(server).includes('server/src/service/clientWorkspace.ts'));
    for (const gone of ['server/src/platform/node.ts', 'server/src/service/nodeWorkspace.ts']) assert.ok(!inputs(server).includes(gone), gone);
    assert.ok(inputs(server).some((i) => i.includes('vscode-languageserver/lib/browser/')));
    for (const r of [client, server]) assert.ok(!inputs(r).some((i) => /\/lib\/node\//.test(i)), 'no lib/node/ module');
    // The server is one self-contained file (started from a blob: URL): no require() left in it.
    const code = fs.readFileSync(path.join(outdir, 'server.js'), 'utf8');
    assert.ok(!/\brequire\(/.test(code.replace(/\/\/# sourceMappingURL=.*$/m, '')));
    assert.deepEqual(checkWebBundle(server.metafile, (f: string) => fs.readFileSync(path.join(repo, f), 'utf8')), []);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});

test('the bundle check finds a Node-only input and an unguarded process, and lets a guarded one pass', async () => {
  const { checkWebBundle } = await load('scripts/build-web.mjs');
  const files: Record<string, string> = {
    'server/src/a.ts': 'export const a = 1; // process.env is not used here\n',
    'server/src/b.ts': 'export const today = process.env.KAMERVRAAG_TODAY;\n',
    'node_modules/lib/guarded.js': "const p = typeof process === 'object' ? process.platform : 'web';\n",
    'node_modules/lib/bare.js': 'module.exports = process.cwd();\n',
    'server/src/service/nodeWorkspace.ts': 'export {};\n',
  };
  const metafile = { inputs: Object.fromEntries(Object.keys(files).map((f) => [f, {}])) };
  assert.deepEqual(checkWebBundle(metafile, (f: string) => files[f]), [
    'server/src/b.ts uses process.env',
    'node_modules/lib/bare.js uses process.cwd',
    'Node-only input server/src/service/nodeWorkspace.ts',
  ]);
});

test('the client bundles take the stand-ins for the unused client features, from the library\'s client and API only', async () => {
  const esbuild = await load('node_modules/esbuild/lib/main.js');
  const { unusedClientFeatures, UNUSED_CLIENT_MODULES } = await load('scripts/build-web.mjs');
  // The build's list is the stand-ins' list: a module added to one only would be bundled, or stood in
  // for by nothing.
  assert.deepEqual(UNUSED_CLIENT_MODULES, [...UNUSED_MODULES]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-unused-'));
  const common = path.join(dir, 'node_modules', 'vscode-languageclient', 'lib', 'common');
  fs.mkdirSync(common, { recursive: true });
  const stub = path.join(repo, 'client', 'src', 'unusedFeatures.ts');
  const inputsOf = async (entry: string) => {
    const r = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', write: false, metafile: true, logLevel: 'silent', plugins: [unusedClientFeatures] });
    return Object.keys(r.metafile.inputs).map((i) => path.resolve(i));
  };
  try {
    const modules = [...UNUSED_MODULES, 'configuration'];
    for (const m of modules) fs.writeFileSync(path.join(common, `${m}.js`), `exports.real = '${m}';\n`);
    const requires = modules.map((m) => `require('./${m}');`).join('\n');
    for (const file of ['client.js', 'api.js']) {
      fs.writeFileSync(path.join(common, file), requires);
      const inputs = await inputsOf(path.join(common, file));
      assert.ok(inputs.includes(stub), `${file} gets the stand-ins`);
      for (const m of UNUSED_MODULES) assert.ok(!inputs.includes(path.join(common, `${m}.js`)), `${file} leaves ./${m} out`);
      assert.ok(inputs.includes(path.join(common, 'configuration.js')), 'a module in use stays');
    }
    // Another module of the library requiring one fails the build, named.
    fs.writeFileSync(path.join(common, 'features.js'), "require('./diagnostic');\n");
    await assert.rejects(inputsOf(path.join(common, 'features.js')), (e: Error) => e.message.includes('features.js requires ./diagnostic'));
    // A module of the same name outside the library is not touched.
    fs.writeFileSync(path.join(dir, 'diagnostic.js'), 'exports.ours = 1;\n');
    fs.writeFileSync(path.join(dir, 'main.js'), "require('./diagnostic');\n");
    const ours = await inputsOf(path.join(dir, 'main.js'));
    assert.ok(ours.includes(path.join(dir, 'diagnostic.js')) && !ours.includes(stub));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
