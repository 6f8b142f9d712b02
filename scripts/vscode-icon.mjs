// Renders images/icon.svg to images/icon.png (128×128, the Marketplace icon) with headless Chromium,
// then, when `optipng` is there (Debian: apt-get install optipng), compresses it without loss (a quarter
// smaller: the .vsix has a 400 KB budget). Run `node scripts/vscode-icon.mjs` after changing the SVG; the
// PNG is committed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, launchBrowser, makeStateDir } from './vscode-env.mjs';

const svg = fs.readFileSync(path.join(REPO, 'images/icon.svg'), 'utf8');
const state = makeStateDir('kamervraag-icon-');
const browser = await launchBrowser(state, { viewport: { width: 128, height: 128 } });
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(REPO, 'images/icon.png'), omitBackground: true });
} finally {
  await browser.close();
  fs.rmSync(state, { recursive: true, force: true });
}
const optimized = spawnSync('optipng', ['-quiet', '-o7', '-strip', 'all', path.join(REPO, 'images/icon.png')], { stdio: 'inherit' });
console.log(`wrote images/icon.png${optimized.status === 0 ? ', compressed with optipng' : ' (optipng not found: not compressed)'}`);
