/**
 * client/src/unusedFeatures.ts against the vscode-languageclient it stands in for (read as text: its modules
 * need `vscode`): the same names as the four modules export, the same values where they are values, and
 * the library using them only where the stand-ins are made for (its client creating each feature, the
 * notebook's cell scheme, its API passing two enums on). A library update that uses them otherwise fails
 * here, before a client bundle misses something. What the server offers is held in
 * test/protocol/lifecycle.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as unused from '../../../client/src/unusedFeatures';

// The library the client bundles are made of (its package.json is not among its exports to resolve).
const LIBRARY = path.resolve(__dirname, '../../../../node_modules/vscode-languageclient');
const common = (file: string) => fs.readFileSync(path.join(LIBRARY, 'lib', 'common', file), 'utf8');
/** The module names as a pattern's alternatives. */
const MODULES = unused.UNUSED_MODULES.join('|');

/** The names a module compiled by TypeScript to CommonJS exports: its `exports.A = exports.B = void 0;` line. */
function exportedNames(source: string): string[] {
  const line = /^exports\.\w+ = (?:exports\.\w+ = )*void 0;$/m.exec(source);
  assert.ok(line, 'the module declares its exports in one line');
  return [...line[0].matchAll(/exports\.(\w+)/g)].map((m) => m[1]!).sort();
}

test('the stand-ins have the names the four modules export, and a feature\'s methods', () => {
  const ours = Object.keys(unused).filter((k) => k !== 'UNUSED_MODULES').sort();
  const theirs = unused.UNUSED_MODULES.flatMap((m) => exportedNames(common(`${m}.js`))).sort();
  assert.deepEqual(ours, theirs);
  for (const name of theirs.filter((n) => n.endsWith('Feature'))) {
    const Feature = (unused as unknown as Record<string, new () => Record<string, unknown>>)[name]!;
    const feature = new Feature();
    for (const method of ['fillClientCapabilities', 'initialize', 'getState', 'clear']) assert.equal(typeof feature[method], 'function', `${name}.${method}`);
    assert.deepEqual((feature.getState as () => unknown)(), { kind: 'static' });
  }
});

test('the values are the library\'s: the cell scheme, DiagnosticPullMode and vsdiag.DocumentDiagnosticReportKind', () => {
  assert.match(common('notebook.js'), new RegExp(`CellScheme = '${unused.NotebookDocumentSyncFeature.CellScheme}';`));
  const diagnostic = common('diagnostic.js');
  const members = (name: string) => [...new RegExp(`\\(function \\(${name}\\) \\{([^}]*)\\}`).exec(diagnostic)![1]!.matchAll(/\["(\w+)"\] = "(\w+)"/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(members('DiagnosticPullMode'), Object.entries(unused.DiagnosticPullMode));
  assert.deepEqual(members('DocumentDiagnosticReportKind'), Object.entries(unused.vsdiag.DocumentDiagnosticReportKind));
});

test('the library requires the four modules only from its client and its API, and uses no more of them than known', () => {
  const requiring: string[] = [];
  const requires = new RegExp(`require\\("\\./(${MODULES})"\\)`);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.js') && requires.test(fs.readFileSync(file, 'utf8'))) requiring.push(path.relative(LIBRARY, file).replace(/\\/g, '/'));
    }
  };
  walk(path.join(LIBRARY, 'lib'));
  assert.deepEqual(requiring.sort(), ['lib/common/api.js', 'lib/common/client.js']);
  const uses = (source: string) => [...source.matchAll(new RegExp(`(?:new |instanceof )?\\b(${MODULES})_1\\.[\\w.]+(?:\\(this\\))?`, 'g'))].map((m) => m[0]);
  const client = uses(common('client.js'));
  // Each feature created once, in registerBuiltinFeatures; the notebook's scheme and class asked about.
  const created = unused.UNUSED_MODULES.flatMap((m) => exportedNames(common(`${m}.js`)).filter((n) => n.endsWith('Feature')).map((n) => `new ${m}_1.${n}(this)`));
  assert.deepEqual([...new Set(client)].sort(), [...created, 'notebook_1.NotebookDocumentSyncFeature.CellScheme', 'instanceof notebook_1.NotebookDocumentSyncFeature'].sort());
  assert.deepEqual([...new Set(uses(common('api.js')))].sort(), ['diagnostic_1.DiagnosticPullMode', 'diagnostic_1.vsdiag']);
});
