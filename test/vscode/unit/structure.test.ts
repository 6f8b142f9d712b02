// Plain-Node checks of the renumbering commands in the manifest: each contributed with its English and
// Dutch title, in the "Kamervraag" category, and shown in the command palette for Kamervragen only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const repo = path.resolve(__dirname, '../../../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(repo, f), 'utf8'));

const COMMANDS: Record<string, [en: string, nl: string]> = {
  'kamervraag.renumber': ['Renumber Questions', 'Vragen hernummeren'],
  'kamervraag.insertQuestion': ['Add Question', 'Vraag toevoegen'],
  'kamervraag.moveQuestionUp': ['Move Question Up', 'Vraag omhoog'],
  'kamervraag.moveQuestionDown': ['Move Question Down', 'Vraag omlaag'],
  'kamervraag.deleteQuestion': ['Delete Question', 'Vraag verwijderen'],
};

test('the renumbering commands: titles in English and Dutch, category Kamervraag, in the palette only for Kamervragen', () => {
  const manifest = read('package.json');
  const en = read('package.nls.json');
  const nl = read('package.nls.nl.json');
  const palette: { command: string; when?: string }[] = manifest.contributes.menus.commandPalette;
  for (const [id, [english, dutch]] of Object.entries(COMMANDS)) {
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === id);
    assert.ok(command, id);
    assert.equal(command.category, 'Kamervraag');
    const key = /^%(.+)%$/.exec(command.title)?.[1];
    assert.ok(key, `${id}: a localised title`);
    assert.equal(en[key], english);
    assert.equal(nl[key], dutch);
    assert.deepEqual(palette.filter((m) => m.command === id), [{ command: id, when: 'editorLangId == kamervraag' }]);
  }
});
