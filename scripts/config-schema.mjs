// `npm run docs:schema`: writes schemas/kamervraag.schema.json and its Dutch twin, the JSON schema of
// `.kamervraag.json` that the manifest's `jsonValidation` gives VS Code (server/src/cli/configSchema.ts
// makes it). A unit test (configSchema.test.ts) fails while the files differ. Needs the tsc output (`npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { configSchemaText, SCHEMA_FILES } = createRequire(import.meta.url)(path.join(ROOT, 'out/server/src/cli/configSchema.js'));
const nls = { en: 'package.nls.json', nl: 'package.nls.nl.json' };
fs.mkdirSync(path.join(ROOT, 'schemas'), { recursive: true });
for (const [locale, file] of Object.entries(SCHEMA_FILES)) {
  fs.writeFileSync(path.join(ROOT, file), configSchemaText(locale, JSON.parse(fs.readFileSync(path.join(ROOT, nls[locale]), 'utf8'))));
  console.log(`${file} written`);
}
