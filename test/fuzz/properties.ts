/**
 * The in-process properties of the fuzzing campaign (`npm run fuzz`, bench/fuzz.mjs), also run a
 * bounded number of times by `npm run test:fuzz` (robustness.test.ts). One run of a property is one
 * *case*: a generated text, parsed once and checked once, then every feature of the feature table
 * (server/src/features/index.ts) asked about it on that one model, each position feature at every heading number and reference in
 * it, the ends of the document, past its end, and up to 4 positions drawn from the case's own random
 * stream (harness.ts, runAll); every range checked to lie inside the document, the workspace index's
 * light reader checked against the parser; and in one case of RERUN_ONE_IN (drawn from the case's
 * stream) all of it run a second time and compared (determinism). Nothing may throw.
 *
 * Another module of properties joins the campaign and the tests with one line: `...itsProperties`.
 */
import * as fc from 'fast-check';
import { examples, runAll, runAllTwice, type Pos } from './harness';
import { editSafetyProperties } from './editSafety';
import { formatSafetyProperties } from './formatSafety';
import { renumberSafetyProperties } from './renumberSafety';
import { fixAllSafetyProperties } from './fixAllSafety';
import { crossDocumentProperties } from './crossDocument';
import { answerDocumentProperties } from './answerDocument';
import { previewProperties } from './preview';
import { structureActionsSafetyProperties } from './structureActionsSafety';
import { completionSafetyProperties } from './completionSafety';
import { headedRandomText, hostileDocument, mutatedExample, probes, randomText, rerun } from './arbitraries';

export interface NamedProperty {
  /** One word or a few joined by dashes: what `npm run fuzz -- --replay <name>` takes. */
  readonly name: string;
  readonly description: string;
  readonly property: fc.IPropertyWithHooks<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const bases = examples();

/** One case on `text`: see the header. */
function sweep(text: string, at: readonly Pos[], twice: boolean): void {
  if (twice) runAllTwice(text, { probes: at });
  else runAll(text, { probes: at });
}

/** Every feature on generated and mutated texts: nothing throws, ranges inside, deterministic (robustness.test.ts). */
export const robustnessProperties: NamedProperty[] = [
  {
    name: 'mutated-examples',
    description: 'the four real examples mutated: lines deleted, duplicated, swapped, cut; characters inserted; CRLF, CR, BOM, tabs; huge numbers; unbalanced «',
    property: fc.property(mutatedExample(bases), probes, rerun, ({ text, how }, at, twice) => {
      try {
        sweep(text, at, twice);
      } catch (err) {
        if (err instanceof Error) err.message = `${how}\n${err.message}`;
        throw err;
      }
    }),
  },
  {
    name: 'hostile-lines',
    description: 'documents of hostile lines: headings without or with absurd numbers, ranges like 1 t/m 99999999, impossible dates',
    property: fc.property(hostileDocument, probes, rerun, (text, at, twice) => sweep(text, at, twice)),
  },
  {
    name: 'random-unicode',
    description: 'random Unicode: lone surrogates, astral characters, every line end, the domain\'s own pieces',
    property: fc.property(randomText, probes, rerun, (text, at, twice) => sweep(text, at, twice)),
  },
  {
    name: 'headed-random-unicode',
    description: 'random Unicode after a real header, so that the parser gets past it',
    property: fc.property(headedRandomText, probes, rerun, (text, at, twice) => sweep(text, at, twice)),
  },
];

/** The campaign: robustness, and the safety of every edit the server proposes (editSafety.ts, editSafety.test.ts). */
export const properties: NamedProperty[] = [
  ...robustnessProperties, ...editSafetyProperties, ...formatSafetyProperties, ...renumberSafetyProperties, ...fixAllSafetyProperties,
  ...crossDocumentProperties,
  ...structureActionsSafetyProperties,
  ...completionSafetyProperties,
  ...answerDocumentProperties,
  ...previewProperties,
];
