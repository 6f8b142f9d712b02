// The layering ARCHITECTURE.md draws, read from the sources' imports (TypeScript's own import scanner,
// type-only imports included): the core knows no connection and no file system, nothing imports upwards,
// and there is no import circle in server/src/. A rule broken here is a seam the next feature would widen.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { stronglyConnected } from '../../server/src/core/components';
import { ROOT } from '../support/cli';

const SERVER = path.join(ROOT, 'server', 'src');

/** One import: the importing file and the module it names, both relative to server/src/ (a package by its name). */
interface Import {
  readonly from: string;
  readonly to: string;
}

/** The layer of a file of server/src/: its folder, or the file itself at the top (`server.ts`, `cli.ts`). */
function layerOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? file : file.slice(0, slash);
}

/** What each layer may import besides itself: other layers, and packages (by name; `node:` for Node's own). */
const ALLOWED: Readonly<Record<string, { layers: readonly string[]; packages: readonly string[] }>> = {
  // LSP *types* at most: no connection, no file system, no Node; and an edit distance (the month fix), pure code.
  core: { layers: [], packages: ['vscode-languageserver-types', 'fastest-levenshtein'] },
  // The one shape (analysis, params, context) → result; three features read the workspace index.
  features: { layers: ['core', 'service'], packages: ['vscode-languageserver', 'vscode-languageserver-types'] },
  service: { layers: ['core'], packages: ['vscode-languageserver', 'vscode-uri', 'node:fs', 'node:path'] },
  // The connection of each platform: the one place a server picks Node or the browser.
  platform: { layers: ['service'], packages: ['vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageserver/browser'] },
  'server.ts': { layers: ['core', 'features', 'service', 'platform'], packages: ['vscode-languageserver', 'vscode-languageserver-textdocument'] },
  cli: { layers: ['core', 'service'], packages: ['node:', 'tinyglobby'] },
  'cli.ts': { layers: ['core', 'cli'], packages: ['node:'] },
};

/** The imports that break `ALLOWED` (a file outside every layer it names breaks it too). */
function layerViolations(imports: readonly Import[]): string[] {
  const out: string[] = [];
  for (const { from, to } of imports) {
    const rule = ALLOWED[layerOf(from)];
    if (!rule) {
      out.push(`${from}: in no layer ARCHITECTURE.md names`);
      continue;
    }
    const local = to.endsWith('.ts');
    const ok = local
      ? layerOf(to) === layerOf(from) || rule.layers.includes(layerOf(to))
      : rule.packages.some((p) => to === p || (p === 'node:' && to.startsWith(p)));
    if (!ok) out.push(`${from} imports ${to}`);
  }
  return out;
}

/** Every circle of local imports, each as the files on it, sorted (core/components.ts). */
function importCircles(imports: readonly Import[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of imports) {
    if (!to.endsWith('.ts')) continue;
    (next.get(from) ?? next.set(from, []).get(from)!).push(to);
    if (!next.has(to)) next.set(to, []);
  }
  return stronglyConnected(next.keys(), (v) => next.get(v)!)
    .filter((part) => part.length > 1 || next.get(part[0]!)!.includes(part[0]!))
    .map((part) => part.sort());
}

/** The imports of every `.ts` file under server/src/ (`import`, `import type`, `export … from`, `import()`). */
function serverImports(): Import[] {
  const out: Import[] = [];
  const files = (fs.readdirSync(SERVER, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/'));
  for (const from of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(SERVER, from), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) {
        out.push({ from, to: fileName });
        continue;
      }
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), fileName));
      const to = [`${base}.ts`, `${base}/index.ts`].find((f) => fs.existsSync(path.join(SERVER, f)));
      assert.ok(to, `${from} imports ${fileName}, which is no file of server/src/`);
      out.push({ from, to });
    }
  }
  return out;
}

describe('architecture', () => {
  const imports = serverImports();

  it('reads the imports of every layer', () => {
    // The scanner sees type-only imports and re-exports too: the core's model imports its types, and
    // every layer of the diagram imports something.
    assert.ok(imports.some((i) => i.from === 'core/parse.ts' && i.to === 'core/model.ts'));
    for (const layer of Object.keys(ALLOWED)) assert.ok(imports.some((i) => layerOf(i.from) === layer), layer);
  });

  it('every import follows the layers ARCHITECTURE.md draws (the core: LSP types only)', () => {
    assert.deepEqual(layerViolations(imports), []);
  });

  it('no import circle in server/src/', () => {
    assert.deepEqual(importCircles(imports), []);
  });

  it('the rules catch what they are for', () => {
    assert.deepEqual(layerViolations([
      { from: 'core/parse.ts', to: 'features/hover.ts' },
      { from: 'core/parse.ts', to: 'node:fs' },
      { from: 'core/parse.ts', to: 'vscode-languageserver' },
      { from: 'service/cache.ts', to: 'features/hover.ts' },
      { from: 'features/hover.ts', to: 'node:fs' },
      { from: 'features/hover.ts', to: 'vscode-languageserver/node' },
      { from: 'tools/x.ts', to: 'core/parse.ts' },
      // Allowed: the same imports where the diagram has them.
      { from: 'core/parse.ts', to: 'core/model.ts' },
      { from: 'core/parse.ts', to: 'vscode-languageserver-types' },
      { from: 'features/hover.ts', to: 'service/cache.ts' },
      { from: 'platform/node.ts', to: 'vscode-languageserver/node' },
      { from: 'cli/list.ts', to: 'node:fs' },
    ]), [
      'core/parse.ts imports features/hover.ts',
      'core/parse.ts imports node:fs',
      'core/parse.ts imports vscode-languageserver',
      'service/cache.ts imports features/hover.ts',
      'features/hover.ts imports node:fs',
      'features/hover.ts imports vscode-languageserver/node',
      'tools/x.ts: in no layer ARCHITECTURE.md names',
    ]);
    assert.deepEqual(importCircles([
      { from: 'core/a.ts', to: 'core/b.ts' },
      { from: 'core/b.ts', to: 'core/c.ts' },
      { from: 'core/c.ts', to: 'core/a.ts' },
      { from: 'core/c.ts', to: 'core/d.ts' },
      { from: 'core/e.ts', to: 'core/e.ts' },
    ]), [['core/a.ts', 'core/b.ts', 'core/c.ts'], ['core/e.ts']]);
  });
});
