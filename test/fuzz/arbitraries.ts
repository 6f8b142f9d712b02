/**
 * fast-check arbitraries for hostile Kamervraag texts: mutations of the real examples and random
 * Unicode, both with the domain's own pieces (headings, references, dates, «») mixed in.
 */
import * as fc from 'fast-check';

/** Lines that stress the parser where it reads structure. */
export const HOSTILE_LINES: readonly string[] = [
  ' • Vraag 99999999999999999999999',
  ' • Vraag 0',
  ' • Vraag -3',
  '• Vraag 1',
  '  • Vraag',
  ' • Vraag 1e308',
  ' - Vraag 4',
  'vraag 5',
  ' • Mededeling - 31 februari 2024',
  ' • Mededeling',
  ' • Mededeling - ',
  '  Zie antwoord vraag 1 t/m 99999999.',
  '  zie de vragen 4000000000 tot en met 1',
  '  Zie antwoord vraag 3, 8, 9, 12 en 400.',
  '  Zie antwoord vraag 2 t/m 5 en vraag 1 tot en met 4, zie ook vraag 6',
  '  (zie antwoord vraag 3) Ja, zie antwoord vraag 3',
  '  Zie vraag',
  '  zie antwoord vraag 1,,,,,,,,,,,,,,,,,,,,,, en en en 2',
  'Beantwoord 99 januari 99999999999 (na 99999999999999999999 dagen)',
  'Beantwoord 24 november 2014 (na -5 dagen)',
  'Beantwoord',
  'Ingediend 29 februari 2023',
  'Ingediend 0 nul 0',
  'Indieners ((((,,,)))',
  'Indiener , , (',
  'Beantwoord door (minister (zonder) portefeuille',
  'Onderwerpen , , ,',
  'Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-9999Z99999.html',
  'Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-.html',
  'Bron vraag',
  'Kamervraag 2014Z19222',
  'Kamervraag',
  'Kamervraag 2014Z1922299999',
  'Kamervraag document nummer: kv-tk-',
  'Kamervraag document nummer:',
  'Kamerantwoord document nummer: ah-tk-20142015-637-h1',
  'Volledige titel:',
  'Volledige titel',
  '«««',
  '  »1»2»3 «begin zonder eind',
  '',
  '',
  '   ',
  '\t',
  '\u00a0• Vraag 3',
  '\t\t • Vraag 2',
  '  \uD800 eenzame surrogaat \uDC00',
  '  𝕍𝕣𝕒𝕒𝕘 𝟙 👩‍👩‍👧 zie antwoord vraag 𝟚',
  '  \u2028\u2029\u0085\u0000\uFEFF',
];

const unitChars = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\n', '\r', '\r\n', ' ', '  ', '•', ' • ', '«', '»', '\t', 'Vraag ', 'vraag ', 'Zie antwoord vraag ',
      ' t/m ', ' tot en met ', '1', '2', '3', '12', ',', ' en ', '\uD800', '\uDFFF', '😀', 'Z', '2014Z19222',
    ),
  },
);

/** Random Unicode, including lone surrogates, astral characters and every line end. */
export const randomText = fc.string({ unit: unitChars, maxLength: 600 });

/** A random text that starts like a real document, so that the parser gets past the header. */
export const headedRandomText = fc
  .tuple(fc.constantFrom('Kamervraag 2014Z19222\n\nTitel\n\nIngediend 30 oktober 2014\n', 'Kamervraag 2024Z18439\n'), randomText)
  .map(([head, rest]) => head + rest);

/** A document built from hostile and random lines. */
export const hostileDocument = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_LINES) }, { weight: 1, arbitrary: fc.string({ unit: unitChars, maxLength: 60 }) }), { maxLength: 60 })
  .map((lines) => ['Kamervraag 2014Z19222', '', 'Titel', '', ...lines].join('\n'));

type LineOp = (lines: string[]) => void;

const lineOp: fc.Arbitrary<{ name: string; apply: LineOp }> = fc.oneof(
  fc.nat().map((i) => ({ name: `delete ${i}`, apply: (l: string[]) => void (l.length && l.splice(i % l.length, 1)) })),
  fc.nat().map((i) => ({ name: `duplicate ${i}`, apply: (l: string[]) => void (l.length && l.splice(i % l.length, 0, l[i % l.length]!)) })),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => ({
    name: `swap ${i} ${j}`,
    apply: (l: string[]) => {
      if (!l.length) return;
      const a = i % l.length;
      const b = j % l.length;
      [l[a], l[b]] = [l[b]!, l[a]!];
    },
  })),
  fc.tuple(fc.nat(), fc.nat(), fc.string({ unit: unitChars, maxLength: 8 })).map(([i, at, s]) => ({
    name: `insert ${JSON.stringify(s)} at ${i}:${at}`,
    apply: (l: string[]) => {
      if (!l.length) return;
      const k = i % l.length;
      const line = l[k]!;
      const p = at % (line.length + 1);
      l[k] = line.slice(0, p) + s + line.slice(p);
    },
  })),
  fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 6 })).map(([i, at, n]) => ({
    name: `cut ${n} at ${i}:${at}`,
    apply: (l: string[]) => {
      if (!l.length) return;
      const k = i % l.length;
      const line = l[k]!;
      const p = at % (line.length + 1);
      l[k] = line.slice(0, p) + line.slice(p + n);
    },
  })),
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_LINES)).map(([i, s]) => ({
    name: `insert line ${JSON.stringify(s)} at ${i}`,
    apply: (l: string[]) => void l.splice(i % (l.length + 1), 0, s),
  })),
  fc.tuple(fc.nat(), fc.constantFrom('99999999999999999999', '0', '-1', '4294967296', '9007199254740993', '1e308')).map(([i, big]) => ({
    name: `huge number ${big} in line ${i}`,
    apply: (l: string[]) => {
      if (!l.length) return;
      const k = i % l.length;
      l[k] = l[k]!.replace(/\d+/, big);
    },
  })),
  fc.nat().map((i) => ({
    name: `tabs in line ${i}`,
    apply: (l: string[]) => {
      if (!l.length) return;
      const k = i % l.length;
      l[k] = l[k]!.replace(/^ +/, (m) => '\t'.repeat(Math.max(1, m.length >> 1)));
    },
  })),
  fc.tuple(fc.nat(), fc.constantFrom('«', '»')).map(([i, q]) => ({
    name: `unbalanced ${q} in line ${i}`,
    apply: (l: string[]) => {
      if (!l.length) return;
      const k = i % l.length;
      l[k] = l[k]! + q;
    },
  })),
);

const wholeOps = ['crlf', 'cr', 'bom', 'trailing newline', 'all tabs', 'nbsp indent'] as const;

function applyWhole(text: string, op: (typeof wholeOps)[number]): string {
  switch (op) {
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return `\uFEFF${text}`;
    case 'trailing newline':
      return `${text}\n`;
    case 'all tabs':
      return text.replace(/^ +/gm, '\t');
    case 'nbsp indent':
      return text.replace(/^ /gm, '\u00a0');
  }
}

/** A mutated copy of one of `bases`, with a description of the mutations for the failure message. */
export function mutatedExample(bases: readonly { name: string; text: string }[]): fc.Arbitrary<{ text: string; how: string }> {
  return fc
    .record({
      base: fc.nat({ max: bases.length - 1 }),
      ops: fc.array(lineOp, { maxLength: 8 }),
      whole: fc.subarray([...wholeOps], { maxLength: 2 }),
    })
    .map(({ base, ops, whole }) => {
      const lines = bases[base]!.text.split('\n');
      for (const op of ops) op.apply(lines);
      let text = lines.join('\n');
      for (const w of whole) text = applyWhole(text, w);
      return { text, how: `${bases[base]!.name}: ${[...ops.map((o) => o.name), ...whole].join('; ') || 'unchanged'}` };
    });
}

/** Runs of each property: env FUZZ_RUNS (default 300). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** A fixed seed by default so that CI is repeatable; FUZZ_SEED overrides, `npm run fuzz` varies it. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20241129;

/**
 * Positions chosen by the case's own random stream (so a failure replays from its seed and path):
 * any two numbers, which the harness takes modulo the document's lines and that line's length.
 */
export const probes: fc.Arbitrary<{ line: number; character: number }[]> = fc.array(fc.record({ line: fc.nat(), character: fc.nat() }), { maxLength: 4 });

/** One case in RERUN_ONE_IN runs everything a second time and checks that both runs agree. */
export const RERUN_ONE_IN = 4;

/** Whether this case is one that runs twice: drawn from the case's random stream (it shrinks to true). */
export const rerun: fc.Arbitrary<boolean> = fc.nat({ max: RERUN_ONE_IN - 1 }).map((n) => n === 0);
