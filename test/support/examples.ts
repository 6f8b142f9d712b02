/** The real examples (test/fixtures/examples/), read from the source tree. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root, from the compiled test (out/test/support/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const EXAMPLES = path.join(ROOT, 'test', 'fixtures', 'examples');

export function example(name: string): string {
  return readFileSync(path.join(EXAMPLES, name), 'utf8');
}

export function exampleNames(): string[] {
  return readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort();
}
