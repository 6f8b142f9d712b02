// `npm run screenshot`: the extension at work in VS Code (code-server + headless Chromium), with the
// packaged .vsix installed, saved as images/screenshot.png for the README (or the path in argv[2] or
// KAMERVRAAG_SCREENSHOT). It opens 2014Z19222.txt (one reference changed to "vraag 16" so that a
// diagnostic shows), the Outline and the Problems panel, and checks on the way, through the DOM, what a
// person would see: the Kamervragen view on the activity bar before any document is open (its badge, its
// groups, a row's inline button and menu), the language mode, the squiggle and its hover, the Outline
// rows, the Problems rows, the editor's context menu; and,
// after the screenshot, the extension's page (its README as the .vsix has it, no image broken) and the
// walkthrough on the Welcome page.
import fs from 'node:fs';
import path from 'node:path';
import { REPO, buildVsix, launchBrowser, makeStateDir, startCodeServer } from './vscode-env.mjs';
import { LEFT_OUT } from './vsix-readme.mjs';

const outFile = path.resolve(process.argv[2] ?? process.env.KAMERVRAAG_SCREENSHOT ?? path.join(REPO, 'images', 'screenshot.png'));
const FILE = '2014Z19222.txt';
const vsix = buildVsix();
const state = makeStateDir('kamervraag-screenshot-');
const folder = path.join(state, 'kamervragen');
fs.cpSync(path.join(REPO, 'test', 'fixtures', 'examples'), folder, { recursive: true });
const doc = path.join(folder, FILE);
fs.chmodSync(doc, 0o644);
const text = fs.readFileSync(doc, 'utf8');
if (!text.includes('  Zie antwoord vraag 6.')) throw new Error(`${FILE} changed: "Zie antwoord vraag 6." not found`);
fs.writeFileSync(doc, text.replace('  Zie antwoord vraag 6.', '  Zie antwoord vraag 16.'));

let failed = false;
const check = (name, ok, detail) => {
  if (!ok) failed = true;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}: ${JSON.stringify(detail)}`);
};
const server = await startCodeServer({
  state, vsix, folder,
  settings: {
    'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'editor.stickyScroll.enabled': false,
    'window.commandCenter': false, 'outline.collapseItems': 'alwaysCollapse',
  },
});
const browser = await launchBrowser(state, { viewport: { width: 1280, height: 860 } });
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(server.url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const row = `.explorer-folders-view .monaco-list-row[aria-label^="${FILE}"]`;
  await page.waitForSelector(row, { timeout: 60_000 });
  // Before any document is opened: the folder of Kamervragen activates the extension (workspaceContains),
  // and its Kamervragen view has an activity bar item of its own, with the documents grouped by state.
  try {
    // (The item, not its link: the badge lies over the link, and a click lands on the badge.)
    const item = page.locator('.activitybar .action-item:has(a[aria-label^="Kamervragen"])').first();
    await item.waitFor({ timeout: 30_000 });
    // Its icon's badge, the view not shown yet: the one overdue Kamervraag.
    const count = await page.waitForFunction(
      // eslint-disable-next-line no-undef -- runs in the page, where `document` is the workbench's.
      () => document.querySelector('.activitybar .action-item:has(a[aria-label^="Kamervragen"]) .badge-content')?.textContent?.trim() || null,
      null, { timeout: 30_000 },
    ).then((h) => h.jsonValue()).catch(() => null);
    check('Kamervragen badge', count === '1', count);
    await item.click();
    // eslint-disable-next-line no-undef -- runs in the page, where `document` is the workbench's.
    await page.waitForFunction(() => [...document.querySelectorAll('.sidebar .monaco-list-row')].some((r) => /^Overdue \(1\)/.test(r.textContent ?? '')), null, { timeout: 30_000 });
    const rows = (await page.locator('.sidebar .monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    const late = rows.find((s) => s.startsWith('2024Z18439 '));
    check('Kamervragen view', rows.some((s) => /^Postponed \(1\)/.test(s)) && rows.some((s) => /^Answered \(2\)/.test(s)) && /days late · 22\/22 without answer$/.test(late ?? ''), rows);
    // A row's inline button and its menu (right click).
    const lateRow = page.locator('.sidebar .monaco-list-row', { hasText: '2024Z18439' }).first();
    await lateRow.hover();
    const inline = await lateRow.locator('.actions .action-label[aria-label="Open to the Side"]').count();
    await lateRow.click({ button: 'right' });
    await page.locator('.context-view .monaco-menu .action-label', { hasText: 'Copy Zaaknummer' }).first().waitFor({ timeout: 10_000 });
    const menu = (await page.locator('.context-view .monaco-menu .action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    check('Kamervragen row menu', inline === 1 && ['Open to the Side', 'Open Preview to the Side', 'Copy Zaaknummer', 'Copy Kamervragen as Table'].every((w) => menu.includes(w)), { inline, menu });
    await page.keyboard.press('Escape');
    await page.locator('.activitybar .action-item a[aria-label^="Explorer"]').first().click();
    await page.waitForSelector(row, { timeout: 30_000 });
  } catch (e) {
    check('Kamervragen view', false, String(e?.message ?? e).split('\n')[0]);
  }
  await page.dblclick(row);
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30_000 });
  // The .txt file is switched to Kamervraag by the extension.
  // eslint-disable-next-line no-undef -- runs in the page, where `document` is the workbench's.
  await page.waitForFunction(() => /Kamervraag/.test(document.querySelector('#status\\.editor\\.mode')?.textContent ?? ''), null, { timeout: 30_000 });
  check('language mode', true, await page.locator('#status\\.editor\\.mode').innerText());
  // Outline view.
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
  await page.keyboard.type('Explorer: Focus on Outline View');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.outline-pane .monaco-list-row', { timeout: 30_000 });
  await page.waitForTimeout(1000);
  // Give the Outline more room: drag the sash above its header up.
  const header = await page.locator('.pane-header', { hasText: /^\s*Outline/i }).boundingBox();
  if (header) {
    await page.mouse.move(header.x + 120, header.y + 1);
    await page.mouse.down();
    await page.mouse.move(header.x + 120, 230, { steps: 8 });
    await page.mouse.up();
  }
  // Everything starts collapsed ('outline.collapseItems'); open the document node to list the questions.
  await page.locator('.outline-pane .monaco-list-row').first().locator('.monaco-tl-twistie').click();
  await page.waitForTimeout(500);
  const outline = (await page.locator('.outline-pane .monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  check('outline', ['Question 1', 'Question 5', 'Question 10'].every((q) => outline.some((s) => s.startsWith(q))), outline.slice(0, 8));
  // Problems panel.
  await page.click('.editor-instance .monaco-editor .view-lines');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  await page.waitForTimeout(500);
  const problems = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  check('problems panel', problems.some((s) => /16/.test(s)), problems.map((s) => s.replace(/\s+/g, ' ')).slice(0, 4));
  // A right click in the document: the "Kamervraag" submenu with the question commands.
  try {
    const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Vraag' }).first();
    await line.click({ button: 'right' });
    const sub = page.locator('.context-view .monaco-menu .action-label', { hasText: /^Kamervraag$/ }).first();
    await sub.waitFor({ timeout: 10_000 });
    await sub.hover();
    await page.locator('.context-view .monaco-menu .action-label', { hasText: 'Add Question' }).first().waitFor({ timeout: 10_000 });
    const labels = (await page.locator('.context-view .monaco-menu .action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    const wanted = ['Add Question', 'Move Question Up', 'Move Question Down', 'Delete Question', 'Renumber Questions', 'Go to Question…'];
    check('editor context menu', wanted.every((w) => labels.includes(w)), labels.slice(labels.indexOf('Kamervraag')));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  } catch (e) {
    check('editor context menu', false, String(e?.message ?? e).split('\n')[0]);
  }
  // Pin the language status item ("10 questions · 0 without answer": the browser's VS Code is English) to the status bar.
  try {
    await page.hover('#status\\.languageStatus');
    const pin = page.locator('.monaco-hover [aria-label*="Status Bar" i], .monaco-hover .codicon-pin').first();
    await pin.waitFor({ timeout: 5_000 });
    await pin.click();
    await page.mouse.move(900, 740);
    await page.waitForTimeout(300);
    const pinned = await page.locator('#status\\.languageStatus\\.kamervraag\\.status, .statusbar-item', { hasText: 'questions' }).first().innerText();
    check('language status', /10 questions · 0 without answer/.test(pinned), pinned);
  } catch (e) {
    check('language status', false, String(e?.message ?? e).split('\n')[0]);
  }
  // Go to the changed reference (line 56), put the cursor on "16" and show its hover (the diagnostic),
  // once the code lenses are in and the editor has settled (in the first seconds the lines still move,
  // and a hover shown then goes again).
  await page.waitForSelector('.monaco-editor .codelens-decoration', { timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(6000);
  await page.click('.editor-instance .monaco-editor .view-lines');
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
  await page.keyboard.type('56');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30_000 });
  check('error squiggle', (await page.locator('.monaco-editor .squiggly-error').count()) >= 1, 'vraag 16');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  // The hover with the diagnostic; the keyboard's may not come (or go again once the lenses arrive), the
  // mouse's over the squiggle then shows it.
  const hover = () => page.locator('.monaco-hover:not(.hidden)', { hasText: 'There is no question 16' }).first();
  await hover().waitFor({ timeout: 5_000 }).catch(async () => {
    // (The text above the squiggle takes the pointer events: the mouse goes to where it is drawn.)
    const box = await page.locator('.monaco-editor .squiggly-error').first().boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
    await hover().waitFor({ timeout: 10_000 }).catch(() => {});
  });
  check('diagnostic hover', await hover().isVisible(), 'There is no question 16');
  await page.waitForTimeout(800);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  await page.screenshot({ path: outFile });
  console.log(`wrote ${outFile} (${(fs.statSync(outFile).size / 1024).toFixed(0)} KB)`);
  // The preview (Ctrl+K V): beside the text, its style applied under its content security policy, a
  // reference's number scrolls to the answer it names, a double click puts the editor's cursor on that line.
  try {
    await page.keyboard.press('Escape');
    await page.click('.editor-instance .monaco-editor .view-lines');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('V');
    let preview = null;
    for (const until = Date.now() + 30_000; !preview && Date.now() < until; await page.waitForTimeout(500)) {
      for (const frame of page.frames()) {
        if (await frame.locator('#content h1').count().catch(() => 0)) preview = frame;
      }
    }
    if (!preview) throw new Error('no preview frame');
    const look = await preview.evaluate(() => {
      // eslint-disable-next-line no-undef -- runs in the webview, where `document` is the preview's.
      const d = document;
      const answer = d.querySelector('section.answer');
      // The first line shown: the preview opens where the editor is (around line 56).
      const top = [...d.querySelectorAll('[data-line]')].find((e) => e.getBoundingClientRect().bottom > 0);
      // The footnote marker of question 1 (`pakken?1`) raised and smaller than its text.
      const sup = d.querySelector('#vraag-0 sup.footnote');
      const footnote = sup && { text: sup.textContent, tip: sup.title, align: getComputedStyle(sup).verticalAlign, smaller: parseFloat(getComputedStyle(sup).fontSize) < parseFloat(getComputedStyle(sup.parentElement).fontSize) }; // eslint-disable-line no-undef -- as above
      return { title: d.querySelector('h1')?.textContent, sections: d.querySelectorAll('section').length, border: answer ? getComputedStyle(answer).borderLeftWidth : null, top: Number(top?.dataset.line), footnote }; // eslint-disable-line no-undef -- as above
    });
    check('preview', /^Te weinig capaciteit/.test(look.title ?? '') && look.sections === 20 && look.border === '3px' && look.top >= 40, look);
    check('preview footnote', look.footnote?.text === '1' && look.footnote.tip === 'Footnote 1' && look.footnote.align === 'super' && look.footnote.smaller, look.footnote);
    await preview.locator('#antwoord-2 a[href="#antwoord-1"]').click();
    await page.waitForTimeout(500);
    const top = await preview.evaluate(() => Math.round(document.getElementById('antwoord-1').getBoundingClientRect().top)); // eslint-disable-line no-undef -- in the webview
    check('preview link', Math.abs(top) < 40, `Antwoord 2 at ${top} px from the top after the click on "2" in Antwoord 3`);
    await preview.locator('#antwoord-1 p').first().dblclick();
    const selection = page.locator('#status\\.editor\\.selection');
    let at = '';
    for (const until = Date.now() + 10_000; !/Ln 20,/.test(at) && Date.now() < until; await page.waitForTimeout(300)) at = await selection.innerText().catch(() => '');
    check('preview double click', /Ln 20,/.test(at), at);
    // The cursor's paragraph (line 20, the first of Antwoord 2) is marked in the preview.
    let marked = null;
    for (const until = Date.now() + 10_000; marked !== '19' && Date.now() < until; await page.waitForTimeout(300)) {
      marked = await preview.evaluate(() => document.querySelector('.cursor')?.getAttribute('data-line') ?? null); // eslint-disable-line no-undef -- in the webview
    }
    check('preview cursor', marked === '19', `the marked element's line: ${marked}`);
    const selected = await preview.evaluate(() => String(window.getSelection())); // eslint-disable-line no-undef -- in the webview
    check('preview double click selects nothing', selected === '', JSON.stringify(selected));
    // A metadata line too: the cursor on line 5 (Ingediend) marks its row.
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    let row = null;
    for (const until = Date.now() + 10_000; row?.line !== '4' && Date.now() < until; await page.waitForTimeout(300)) {
      row = await preview.evaluate(() => {
        const dt = document.querySelector('.cursor > dt'); // eslint-disable-line no-undef -- in the webview
        return dt && { line: dt.parentElement.getAttribute('data-line'), bar: getComputedStyle(dt, '::before').borderLeftWidth }; // eslint-disable-line no-undef -- in the webview
      });
    }
    check('preview cursor on metadata', row?.line === '4' && row.bar === '3px', row);
    await page.screenshot({ path: path.join(path.dirname(outFile), 'screenshot-preview.png') });
    await page.keyboard.press('Control+W');
  } catch (e) {
    check('preview', false, String(e?.message ?? e).split('\n')[0]);
    await page.screenshot({ path: path.join(path.dirname(outFile), 'screenshot-preview.png') }).catch(() => {});
  }
  // The extension's page (Extensions view, Details): the README made for it (scripts/vsix-readme.mjs),
  // its sections for users there, those for developers not, and no image that fails to load.
  try {
    await page.keyboard.press('Escape');
    await page.locator('.activitybar .action-item a[aria-label^="Extensions"]').first().click();
    const item = page.locator('.sidebar .monaco-list-row', { hasText: 'Kamervraag' }).first();
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    // The README is in a webview: an iframe in an iframe.
    let details = null;
    for (const until = Date.now() + 30_000; !details && Date.now() < until; await page.waitForTimeout(500)) {
      for (const frame of page.frames()) {
        const read = await frame.evaluate(() => {
          // eslint-disable-next-line no-undef -- runs in the webview, where `document` is the README's.
          const body = document.body;
          if (!body || !/Writing a Kamervraag/.test(body.innerText ?? '')) return null;
          // eslint-disable-next-line no-undef -- as above.
          const broken = [...document.images].filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.getAttribute('src'));
          // eslint-disable-next-line no-undef -- as above.
          const headings = [...document.querySelectorAll('h2')].map((h) => h.textContent.trim());
          return { headings, broken };
        }).catch(() => null);
        if (read) details = read;
      }
    }
    check('extension page', !!details && details.headings.includes('The checks') && details.headings.includes('Settings')
      && !details.headings.some((h) => LEFT_OUT.includes(h)) && details.broken.length === 0, details);
  } catch (e) {
    check('extension page', false, String(e?.message ?? e).split('\n')[0]);
    await page.screenshot({ path: path.join(path.dirname(outFile), 'screenshot-extension-page.png') }).catch(() => {});
  }
  // The walkthrough (Welcome: Open Walkthrough…): its five steps on VS Code's Welcome page.
  try {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.waitForTimeout(300);
    await page.keyboard.type('Welcome: Open Walkthrough');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    await page.keyboard.type('Get started with Kamervragen');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    const steps = page.locator('.getting-started-step .step-title');
    await steps.first().waitFor({ timeout: 30_000 });
    const titles = (await steps.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    check('walkthrough', ['Open your Kamervragen', 'Check as you type', 'Go to the answer', 'Write the answers', 'Keep the deadlines in view'].every((t) => titles.includes(t)), titles);
  } catch (e) {
    check('walkthrough', false, String(e?.message ?? e).split('\n')[0]);
    await page.screenshot({ path: path.join(path.dirname(outFile), 'screenshot-walkthrough.png') }).catch(() => {});
  }
} catch (e) {
  failed = true;
  console.error('ERROR', e?.message ?? e);
  await browser.pages()[0]?.screenshot({ path: path.join(path.dirname(outFile), 'screenshot-error.png') }).catch(() => {});
} finally {
  await browser.close();
  server.stop();
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(state, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
