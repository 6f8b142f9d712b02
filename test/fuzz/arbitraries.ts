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

// ---- Generated documents, valid or broken on purpose ----

const WORDS = ['de', 'het', 'politie', 'capaciteit', 'minister', 'kunt', 'u', 'dit', 'toelichten', 'waarom', 'niet', 'jeugd', 'zorg', '48.000', '(SP)', '«bericht»', 'é', '😀'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

/** A heading of question `n`: mostly canonical, else one of the ways people write it, some with text after the number. */
function headingOf(n: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(` • Vraag ${n}`) },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        ` - Vraag ${n}`, ` - vraag ${n}`, `Vraag ${n}`, `  •  VRAAG  ${n}.`, ` * Vraag ${n}:`, ` • Vraag ${n}: Kunt u dit toelichten?`,
        ` • Vraag ${n} (vervolg)`, ` • Vraag ${n} en ${n + 1}`, ` • Vraag ${n} 😀`, ` – Vraag ${n}:zie antwoord vraag 1`,
        ` • Vraag ${n} - Vraag ${n + 1}`, ` • Vraag ${n}. Mededeling - 1 mei 2024`, ` · vraag ${n}  extra  woorden `, ` • Vraag 0${n}`,
        // A sub-number or letter glued to the number, which no edit may split.
        ` - Vraag ${n}.1`, ` * Vraag ${n}.5 Kunt u dit toelichten?`, ` • Vraag ${n}A`, ` - Vraag ${n} .5`,
      ),
    },
  );
}

/** A mention of questions among `1..max` (some beyond it), in the phrasings of FORMAT.md. */
function mentionOf(max: number): fc.Arbitrary<string> {
  const k = fc.integer({ min: 1, max: max + 2 });
  return fc.oneof(
    k.map((a) => `Zie antwoord vraag ${a}.`),
    k.map((a) => `(zie het antwoord op vraag ${a})`),
    k.map((a) => `Ik verwijs naar het antwoord op vraag ${a}`),
    fc.tuple(k, k, k).map(([a, b, c]) => `Zie mijn antwoord op vraag ${a}, ${b} en ${c}`),
    fc.tuple(k, k).map(([a, b]) => `Zie het antwoord op de vragen ${Math.min(a, b)} t/m ${Math.max(a, b)}.`),
    k.map((a) => `Zoals ik bij vraag ${a} heb aangegeven`),
  );
}

const dutchDate = fc.record({ day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 0, max: 11 }), year: fc.integer({ min: 2014, max: 2024 }) });
const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const formatDate = (d: { day: number; month: number; year: number }) => `${d.day} ${MONTH_NAMES[d.month]} ${d.year}`;

/**
 * A Kamervraag written from its parts: header, title, metadata, 1–12 questions with answers that refer to
 * each other, a Mededeling now and then, the footer. `broken` puts faults in on purpose, most of them with a
 * quick fix: headings written otherwise (some with text after the number), duplicate numbers, a wrong day
 * count, misspelt keys, `Indiener` with several members, ids that do not match (some followed by a remark),
 * a footer title that differs. Line ends `\n`, sometimes `\r\n`.
 */
export function kamervraagDocument(broken = true): fc.Arbitrary<string> {
  const fault = (weight: number) => (broken ? fc.integer({ min: 0, max: 99 }).map((x) => x < weight) : fc.constant(false));
  return fc
    .record({
      zaak: fc.integer({ min: 10000, max: 99999 }),
      title: sentence,
      ingediend: dutchDate,
      days: fc.integer({ min: 1, max: 60 }),
      daysOff: fault(20),
      answered: fc.boolean(),
      members: fc.array(fc.constantFrom('Jan Jansen (SP)', 'Piet Pietersen (VVD)', 'Mutluer', 'Omtzigt, P.H. (NSC)'), { minLength: 1, maxLength: 3 }),
      // Before the last member: a comma, or "en" or "&" as people write it.
      lastJoin: fc.constantFrom(', ', ', ', ' en ', ' & '),
      indienerWrong: fault(15),
      keyTypo: fc.constantFrom('', 'INGEDIEND', 'Bronvraag', 'ONDERWERPEN'),
      keyFault: fault(20),
      questions: fc.integer({ min: 1, max: 12 }).chain((n) =>
        fc.array(
          fc.record({
            number: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: broken ? 2 : 0, arbitrary: fc.integer({ min: 1, max: n + 1 }) }),
            heading: fc.integer({ min: 0, max: 99 }),
            headingText: fc.integer({ min: 0, max: 999 }),
            question: sentence,
            answer: fc.array(fc.oneof(sentence, mentionOf(n), fc.tuple(sentence, mentionOf(n)).map(([a, b]) => `${a} ${b}`)), { maxLength: 3 }),
          }),
          { minLength: n, maxLength: n },
        )),
      blankLines: fc.boolean(),
      mededeling: fc.boolean(),
      bronVraagOff: fault(15),
      kvFooter: fc.constantFrom('ok', 'ok', 'ok', 'wrong', 'remark', 'wrong remark', 'empty', 'none'),
      ahFooter: fc.constantFrom('ok', 'ok', 'ok', 'wrong', 'wrong remark', 'empty', 'text'),
      titleOff: fault(20),
      footerTitle: sentence,
      crlf: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    })
    .chain((p) => fc.tuple(fc.constant(p), fc.tuple(...p.questions.map((q, i) => (broken && q.heading < 30 ? headingOf(q.number || i + 1) : fc.constant(` • Vraag ${q.number || i + 1}`))))))
    .map(([p, headings]) => {
      const z = `2024Z${p.zaak}`;
      const ah = `ah-tk-20242025-${p.zaak % 1000}`;
      const end = new Date(Date.UTC(p.ingediend.year, p.ingediend.month, p.ingediend.day + p.days));
      const beantwoord = { day: end.getUTCDate(), month: end.getUTCMonth(), year: end.getUTCFullYear() };
      const lines = [`Kamervraag ${z}`, '', p.title, ''];
      const meta = [`Ingediend ${formatDate(p.ingediend)}`];
      if (p.answered) meta.push(`Beantwoord ${formatDate(beantwoord)} (na ${p.daysOff ? p.days + 3 : p.days} dagen)`);
      const plural = p.members.length > 1 !== p.indienerWrong;
      const members = p.members.length > 1 ? `${p.members.slice(0, -1).join(', ')}${p.lastJoin}${p.members[p.members.length - 1]}` : p.members[0]!;
      meta.push(`${plural ? 'Indieners' : 'Indiener'} ${members}`);
      if (p.answered) meta.push('Beantwoord door De Minister');
      meta.push('Onderwerpen politie');
      meta.push(`Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-${p.bronVraagOff ? `2024Z${p.zaak + 1}` : z}.html`);
      if (p.answered) meta.push(`Bron antwoord https://zoek.officielebekendmakingen.nl/${ah}.html`);
      if (p.keyFault && p.keyTypo) {
        const i = meta.findIndex((l) => l.toLowerCase().replace(' ', '').startsWith(p.keyTypo.toLowerCase()));
        if (i >= 0) meta[i] = p.keyTypo + meta[i]!.slice(p.keyTypo.length + (p.keyTypo === 'Bronvraag' ? 1 : 0));
      }
      lines.push(...meta);
      p.questions.forEach((q, i) => {
        lines.push(headings[i]!, `  ${q.question}?`);
        if (p.answered && q.answer.length > 0) lines.push('', ...q.answer.map((a) => `  ${a}`));
        if (p.blankLines) lines.push('');
      });
      if (p.mededeling) lines.push(' • Mededeling - 3 mei 2024', '  Zie het antwoord op vraag 1 later.', '');
      lines.push('', '');
      const kv = { ok: `kv-tk-${z}`, wrong: `kv-tk-2024Z${p.zaak + 7}`, remark: `kv-tk-${z} (herdruk)`, 'wrong remark': `kv-tk-2024Z${p.zaak + 7} (herdruk)`, empty: '', none: 'zie de kop' }[p.kvFooter];
      lines.push(`Kamervraag document nummer:${kv ? ` ${kv}` : ''}`, `Volledige titel: ${p.titleOff ? p.footerTitle : p.title}`);
      if (p.answered) {
        const other = `ah-tk-20242025-${(p.zaak % 1000) + 1}`;
        const a = { ok: ah, wrong: other, 'wrong remark': `${other} (zie ook ${ah})`, empty: '', text: 'volgt' }[p.ahFooter];
        lines.push(`Kamerantwoord document nummer:${a ? ` ${a}` : ''}`, 'Volledige titel: Antwoord op vragen van de leden');
      }
      return lines.join(p.crlf ? '\r\n' : '\n');
    });
}
