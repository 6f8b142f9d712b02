// `npm run package`: builds the .vsix with @vscode/vsce (its prepublish step runs the production build).
// Everything is bundled into dist/, so --no-dependencies; .vscodeignore lets only the needed files in.
// vsce checks the license itself (its license check is not skipped): LICENSE (MIT, as the manifest says) is in the .vsix,
// with README.md and CHANGELOG.md.
// Without a `repository` in package.json vsce cannot make the README's relative links absolute, so
// they are then kept relative (they work inside VS Code's extension page for files in the .vsix).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './vscode-env.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const out = path.join(REPO, `${manifest.name}-${manifest.version}.vsix`);
const args = ['package', '--no-dependencies', '--out', out];
if (!manifest.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
const r = spawnSync(process.execPath, [vsce, ...args], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status !== 0) process.exit(r.status ?? 1);

// The .vsix must hold exactly what the extension needs.
const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8' });
const files = listed.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
const required = ['package.json', 'package.nls.json', 'package.nls.nl.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.nl.json',
  'dist/extension.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js', 'syntaxes/kamervraag.tmLanguage.json', 'language-configuration.json', 'images/icon.png',
  'README.md', 'CHANGELOG.md', 'LICENSE'];
const unexpected = files.filter((f) => !required.includes(f));
const absent = required.filter((f) => !files.includes(f));
const kb = fs.statSync(out).size / 1024;
console.log(`vsix: ${path.relative(REPO, out)} ${kb.toFixed(1)} KB, ${files.length} files`);
if (unexpected.length || absent.length || kb > 400) {
  console.error(`vsix: wrong content or size: unexpected ${JSON.stringify(unexpected)}, missing ${JSON.stringify(absent)}, ${kb.toFixed(0)} KB (limit 400)`);
  process.exit(1);
}
