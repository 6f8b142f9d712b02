// `npm run docs:schema`: writes schemas/kamervraag.schema.json and its Dutch twin, the JSON schema of
// `.kamervraag.json` that the manifest's `jsonValidation` gives VS Code (server/src/cli/configSchema.ts
// makes it), and the texts of the severity settings in package.nls.json and package.nls.nl.json
// (`config.severity.<code>`, from RULES). Unit tests (configSchema.test.ts, settingsManifest.test.ts)
// fail while the files differ. Needs the tsc output (`npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { configSchemaText, severityNls, SCHEMA_FILES } = createRequire(import.meta.url)(path.join(ROOT, 'out/server/src/cli/configSchema.js'));
const nls = { en: 'package.nls.json', nl: 'package.nls.nl.json' };

/** `texts` with the severity settings' texts made anew, right after `config.diagnostics.severity`. */
function withSeverityTexts(texts, locale) {
  const out = {};
  for (const [key, value] of Object.entries(texts)) {
    if (key.startsWith('config.severity.')) continue;
    out[key] = value;
    if (key === 'config.diagnostics.severity') Object.assign(out, severityNls(locale));
  }
  return out;
}

fs.mkdirSync(path.join(ROOT, 'schemas'), { recursive: true });
for (const [locale, file] of Object.entries(SCHEMA_FILES)) {
  const nlsFile = path.join(ROOT, nls[locale]);
  const texts = withSeverityTexts(JSON.parse(fs.readFileSync(nlsFile, 'utf8')), locale);
  fs.writeFileSync(nlsFile, `${JSON.stringify(texts, null, 2)}\n`);
  console.log(`${nls[locale]} written`);
  fs.writeFileSync(path.join(ROOT, file), configSchemaText(locale, texts));
  console.log(`${file} written`);
}
