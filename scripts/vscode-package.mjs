// `npm run package`: builds the .vsix with @vscode/vsce.
// Everything is bundled into dist/ (the production build, the manifest's `vscode:prepublish`, runs first),
// so --no-dependencies. vsce packs a folder of its own that holds exactly the files the extension needs
// (`required`, also checked in the .vsix below) and, as its README.md, the README for the extension's
// page (scripts/vsix-readme.mjs): VS Code shows the README.md at the root of an installed extension.
// vsce checks the license itself (its license check is not skipped): LICENSE (MIT, as the manifest says) is in the .vsix,
// with CHANGELOG.md.
// Without a `repository` in package.json vsce cannot make the README's relative links absolute, so
// they are then kept relative (they work inside VS Code's extension page for files in the .vsix, and
// the README made for it links to no other).
// vsce deflates with zlib's default level; the .vsix is then packed again, each entry deflated with
// Zopfli (the same deflate format, found with more search: the four bundles some 3.5 % smaller, 12–13 KB
// of the 400), written with fflate. VS Code reads it as it reads any .vsix (`npm start` installs it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { deflateAsync } from '@gfx/zopfli';
import { unzipSync, Zip } from 'fflate';
import { REPO } from './vscode-env.mjs';
import { vsixReadme } from './vsix-readme.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const out = path.join(REPO, `${manifest.name}-${manifest.version}.vsix`);
const required = ['package.json', 'package.nls.json', 'package.nls.nl.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.nl.json',
  'dist/extension.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js', 'syntaxes/kamervraag.tmLanguage.json', 'language-configuration.json', 'images/icon.png',
  'schemas/kamervraag.schema.json', 'schemas/kamervraag.schema.nl.json', 'walkthrough/kamervraag.md', 'walkthrough/team.md',
  'README.md', 'CHANGELOG.md', 'LICENSE'];

const build = spawnSync('npm', ['run', '--silent', 'vscode:prepublish'], { cwd: REPO, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-vsix-'));
try {
  process.exitCode = await pack(stage);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}

/**
 * The zip `bytes` again, its entries in the same order with the same names and contents, each deflated by
 * Zopfli (or stored, where deflating would not make it smaller).
 */
async function repacked(bytes) {
  if (typeof zlib.crc32 !== 'function') throw new Error('packing the .vsix needs Node.js 20.15 or later (zlib.crc32)');
  const chunks = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const mtime = new Date();
  for (const [filename, data] of Object.entries(unzipSync(bytes))) {
    const deflated = data.length > 0 ? await deflateAsync(data, { numiterations: 15 }) : data;
    const smaller = deflated.length < data.length;
    const entry = { filename, size: data.length, crc: zlib.crc32(data), compression: smaller ? 8 : 0, mtime };
    zip.add(entry);
    entry.ondata(null, smaller ? deflated : data, true);
  }
  zip.end();
  const repackedBytes = Buffer.concat(chunks);
  // What was packed reads back the same.
  const again = unzipSync(repackedBytes);
  const original = unzipSync(bytes);
  if (JSON.stringify(Object.keys(again)) !== JSON.stringify(Object.keys(original)) || Object.keys(original).some((k) => !Buffer.from(again[k]).equals(Buffer.from(original[k])))) {
    throw new Error('the .vsix packed again does not read back as vsce wrote it');
  }
  return repackedBytes;
}

/** Packs the .vsix from `stage`; returns the exit code. */
async function pack(stage) {
  for (const file of [...required, '.vscodeignore']) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    if (file === 'README.md') {
      fs.writeFileSync(path.join(stage, file), vsixReadme(fs.readFileSync(path.join(REPO, file), 'utf8'), (f) => required.includes(f)));
    } else if (file === 'package.json') {
      // Built already: vsce must not run the build again in a folder without the sources. An installed
      // extension needs none of the scripts, and its dependencies are bundled in dist/: the manifest in the
      // .vsix leaves them out (some 0.7 KB of the 400).
      const installed = { ...manifest };
      for (const key of ['scripts', 'dependencies', 'devDependencies']) delete installed[key];
      fs.writeFileSync(path.join(stage, file), `${JSON.stringify(installed)}\n`);
    } else if (file.endsWith('.json')) {
      // Read by VS Code, not by people: without the indentation (some 0.5 KB of the 400 with the manifest).
      fs.writeFileSync(path.join(stage, file), `${JSON.stringify(JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8')))}\n`);
    } else {
      fs.copyFileSync(path.join(REPO, file), path.join(stage, file));
    }
  }
  const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  const args = ['package', '--no-dependencies', '--out', out];
  if (!manifest.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
  const r = spawnSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) return r.status ?? 1;
  const before = fs.statSync(out).size;
  fs.writeFileSync(out, await repacked(fs.readFileSync(out)));
  console.log(`vsix: packed again with Zopfli: ${(before / 1024).toFixed(1)} → ${(fs.statSync(out).size / 1024).toFixed(1)} KB`);

  // The .vsix must hold exactly what the extension needs.
  const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' });
  const files = listed.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  const unexpected = files.filter((f) => !required.includes(f));
  const absent = required.filter((f) => !files.includes(f));
  const kb = fs.statSync(out).size / 1024;
  console.log(`vsix: ${path.relative(REPO, out)} ${kb.toFixed(1)} KB, ${files.length} files`);
  if (unexpected.length || absent.length || kb > 400) {
    console.error(`vsix: wrong content or size: unexpected ${JSON.stringify(unexpected)}, missing ${JSON.stringify(absent)}, ${kb.toFixed(0)} KB (limit 400)`);
    return 1;
  }
  return 0;
}
