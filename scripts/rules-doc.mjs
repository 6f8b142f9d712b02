// `npm run docs:rules`: writes docs/rules.md from the rule table (RULES in server/src/core/diagnostic.ts),
// the page that `kamervraag check --format sarif` links each rule to. A unit test (cliSarif.test.ts) fails
// while the file differs. Needs the tsc output (`npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { rulesMarkdown } = createRequire(import.meta.url)(path.join(ROOT, 'out/server/src/cli/rules.js'));
fs.writeFileSync(path.join(ROOT, 'docs/rules.md'), rulesMarkdown());
console.log('docs/rules.md written');
