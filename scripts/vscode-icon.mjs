// Renders images/icon.svg to images/icon.png (128×128, the Marketplace icon) with headless Chromium.
// Run `node scripts/vscode-icon.mjs` after changing the SVG; the PNG is committed.
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
console.log('wrote images/icon.png');
