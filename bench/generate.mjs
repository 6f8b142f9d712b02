// Deterministic generator of realistic Kamervraag documents (and their Markdown rendering) for the
// benchmark, the stress tests and the workspace-indexing measurement.
//
//   node bench/generate.mjs [--questions N] [--seed S] [--unanswered] [--markdown] > file.txt
//
// Same seed and options → byte-identical output. Documents follow FORMAT.md and the layout of
// test/fixtures/examples/: header, title, metadata, ` • Vraag N` blocks (question paragraph, blank
// line, answer paragraphs), an optional Mededeling, footer. Answers refer to other answers the ways
// real ones do ("Zie antwoord vraag 6.", "zie ook mijn antwoord op vraag 3, 8 en 9", "de vragen 2
// t/m 5"), always to an earlier question that exists, so the generated document is valid: no
// reference to a missing question, to itself, or in a circle.

/** mulberry32: a small, fast, seeded PRNG. Returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

const NOUNS = [
  'capaciteit', 'politie', 'rechtspraak', 'mensenhandel', 'zorgverzekeraar', 'wachtlijst', 'gemeente',
  'jeugdzorg', 'huurwoning', 'energierekening', 'stikstofuitstoot', 'asielzoeker', 'opvanglocatie',
  'arbeidsmarkt', 'pensioenfonds', 'toeslagenaffaire', 'belastingdienst', 'onderwijsachterstand',
  'leraar', 'huisarts', 'ziekenhuis', 'ggz-instelling', 'wijkverpleging', 'infrastructuur', 'spoorlijn',
  'snelweg', 'luchthaven', 'windpark', 'netcongestie', 'drinkwater', 'waterschap', 'dijkversterking',
  'boer', 'natuurgebied', 'visserij', 'defensie', 'krijgsmacht', 'ambassade', 'ontwikkelingshulp',
  'subsidie', 'begroting', 'taakstelling', 'bezuiniging', 'toezichthouder', 'inspectie', 'rapport',
  'onderzoek', 'evaluatie', 'wetsvoorstel', 'regeling', 'convenant', 'pilot', 'aanpak', 'signalering',
  'handhaving', 'vergunning', 'aanbesteding', 'dienstverlening', 'privacy', 'datalek', 'algoritme',
];

const ADJECTIVES = [
  'landelijke', 'regionale', 'lokale', 'structurele', 'tijdelijke', 'integrale', 'nieuwe', 'huidige',
  'aanzienlijke', 'voldoende', 'onvoldoende', 'gespecialiseerde', 'bestuurlijke', 'strafrechtelijke',
  'financiële', 'maatschappelijke', 'zorgvuldige', 'snelle', 'brede', 'extra', 'ernstige', 'passende',
];

const VERBS = [
  'wordt ingezet op', 'draagt bij aan', 'leidt tot', 'vraagt om', 'zorgt voor', 'heeft gevolgen voor',
  'is gericht op', 'staat onder druk door', 'wordt gemonitord via', 'is afgestemd met', 'versterkt',
  'beperkt', 'verbetert', 'bemoeilijkt', 'ondersteunt',
];

const CONNECTORS = [
  'Daarnaast geldt dat', 'Tevens is het zo dat', 'Ook blijkt dat', 'Verder is bekend dat', 'Bovendien geldt dat',
  'Hierbij is van belang dat', 'Op dit moment is het zo dat', 'In de praktijk blijkt dat', 'Zoals bekend',
  'Uit het onderzoek blijkt dat', 'Sinds vorig jaar geldt dat', 'Met ingang van 2025 geldt dat',
];

const QUESTION_OPENERS = [
  'Wat is uw reactie op het bericht dat', 'Bent u bekend met het bericht dat', 'Deelt u de opvatting dat',
  'Klopt het dat', 'Hoe verklaart u dat', 'Kunt u aangeven waarom', 'Bent u bereid te onderzoeken of',
  'Hoeveel gevallen zijn er bekend waarin', 'Welke mogelijkheden ziet u om te zorgen dat',
  'Wat betekent het voor de betrokkenen dat', 'Ziet u het risico dat', 'Wanneer kan de Kamer verwachten dat',
];

const QUESTION_TAILS = [
  ' Zo nee, waarom niet?', ' Kunt u uw antwoord toelichten?', ' Zo ja, welke maatregelen neemt u?', '',
  '', '', ' Welke rol ziet u hier voor uzelf?',
];

const MEMBERS = [
  ['Michiel van Nispen', 'SP'], ['Nine Kooiman', 'SP'], ['Westerveld', 'GroenLinks-PvdA'],
  ['Bushoff', 'GroenLinks-PvdA'], ['Van den Hil', 'VVD'], ['Bikker', 'ChristenUnie'],
  ['Pieter Omtzigt', 'NSC'], ['Jasper van Dijk', null], ['Sjoerdsma', 'D66'], ['Van der Plas', 'BBB'],
  ['Ouwehand', 'PvdD'], ['Stoffer', 'SGP'], ['Dassen', 'Volt'], ['Kops', 'PVV'], ['Krul', 'CDA'],
  ['Agema', 'PVV'], ['Paternotte', 'D66'], ['Hertzberger', 'D66'], ['Klaver', 'GroenLinks-PvdA'],
];

const MINISTERS = [
  'Opstelten', 'Grapperhaus', 'Yesilgöz-Zegerius', 'Hugo de Jonge',
  'Conny Helder (minister zonder portefeuille volksgezondheid, welzijn en sport) (VVD)',
  'Karremans (staatssecretaris volksgezondheid, welzijn en sport) (VVD)', 'Kuipers', 'Van Hijum',
];

const TOPICS = [
  'criminaliteit', 'openbare orde en veiligheid', 'politie, brandweer en hulpdiensten', 'recht',
  'rechtspraak', 'zorg en gezondheid', 'geestelijke gezondheidszorg', 'wonen', 'energie', 'onderwijs',
  'migratie en integratie', 'verkeer', 'natuur en milieu', 'landbouw', 'defensie', 'belasting',
];

const EXTERNAL = [
  '(Kamerstuk 29 383, nr. 406)', '(Kamerstuk 21 501-02, nr. 2733)',
  '(Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844)', '(kenmerk 2021Z07817)', '(2023D39037)',
];

/** Marks a question number inside a reference: `\u0001N\u0002`. Stripped for the text format,
 * turned into a link for Markdown. */
const ref = (n) => `\u0001${n}\u0002`;

function pick(rnd, list) {
  return list[Math.floor(rnd() * list.length)];
}

function int(rnd, lo, hi) {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

function clause(rnd) {
  const words = [];
  words.push(`de ${pick(rnd, ADJECTIVES)} ${pick(rnd, NOUNS)}`);
  words.push(pick(rnd, VERBS));
  words.push(`het ${pick(rnd, NOUNS)}`);
  if (rnd() < 0.5) words.push(`van de ${pick(rnd, NOUNS)}`);
  if (rnd() < 0.3) words.push(`in ${int(rnd, 2009, 2024)}`);
  return words.join(' ');
}

function sentence(rnd) {
  const c = clause(rnd);
  let s = rnd() < 0.6 ? `${pick(rnd, CONNECTORS)} ${c}` : `${c.charAt(0).toUpperCase()}${c.slice(1)}`;
  if (rnd() < 0.4) s += `, waarbij ${clause(rnd)}`;
  const r = rnd();
  if (r < 0.06) s += ` ${pick(rnd, EXTERNAL)}`;
  else if (r < 0.1) s += ` van € ${int(rnd, 2, 900)} miljoen`;
  else if (r < 0.13) s += ` sinds ${int(rnd, 1, 28)} ${pick(rnd, MONTHS)} ${int(rnd, 2010, 2024)}${int(rnd, 1, 4)}`;
  else if (r < 0.16) s += ` «${pick(rnd, NOUNS)} in beeld»`;
  return `${s}.`;
}

function paragraph(rnd, sentences) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(rnd));
  return out.join(' ');
}

function questionText(rnd) {
  let q = `${pick(rnd, QUESTION_OPENERS)} ${clause(rnd)}`;
  if (rnd() < 0.5) q += ` en dat ${clause(rnd)}`;
  q += '?';
  if (rnd() < 0.15) q += String(int(rnd, 1, 5)); // a footnote marker glued to the text
  q += pick(rnd, QUESTION_TAILS);
  return q;
}

/** Distinct earlier question numbers, ascending, near `n`. */
function earlier(rnd, n, count) {
  const lo = Math.max(1, n - 30);
  const set = new Set();
  for (let tries = 0; set.size < count && tries < count * 8; tries++) set.add(int(rnd, lo, n - 1));
  return [...set].sort((a, b) => a - b);
}

function joinList(nums) {
  const parts = nums.map(ref);
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

/** A sentence that refers to earlier answers (n ≥ 2). */
function referenceSentence(rnd, n) {
  const r = rnd();
  if (r < 0.25) return `Zie ook mijn antwoord op vraag ${joinList(earlier(rnd, n, int(rnd, 1, 3)))}.`;
  if (r < 0.45) return `Ik verwijs voor het overige naar het antwoord op vraag ${ref(earlier(rnd, n, 1)[0])}.`;
  if (r < 0.6) {
    const t = earlier(rnd, n, 1)[0];
    return `Zoals aangegeven in het antwoord op vraag ${ref(t)} ${clause(rnd)}.`;
  }
  if (r < 0.75 && n >= 3) {
    const [a, b] = earlier(rnd, n, 2);
    if (b !== undefined) return `Zie het antwoord op de vragen ${ref(a)} en ${ref(b)}.`;
  }
  if (n >= 4) {
    const a = int(rnd, Math.max(1, n - 20), n - 3);
    const b = int(rnd, a + 1, n - 1);
    return rnd() < 0.5
      ? `Voor de samenhang verwijs ik naar vraag ${ref(a)} t/m ${ref(b)}.`
      : `Zie tevens de antwoorden op de vragen ${ref(a)} tot en met ${ref(b)}.`;
  }
  return `Zie ook het antwoord op vraag ${ref(n - 1)}.`;
}

function dutchDate(d) {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function vergaderjaar(d) {
  const y = d.getUTCFullYear();
  return d.getUTCMonth() >= 8 ? `${y}${y + 1}` : `${y - 1}${y}`;
}

/**
 * Generates the structure of one document.
 * @param {object} o
 * @param {number} o.questions number of questions
 * @param {number} [o.seed]
 * @param {boolean} [o.answered] default true
 * @param {string} [o.zaaknummer] default derived from the seed
 * @param {number} [o.answerSentences] mean sentences per answer paragraph (default 3)
 */
export function generateModel(o) {
  const rnd = prng(o.seed ?? 1);
  const answered = o.answered ?? true;
  const year = int(rnd, 2014, 2024);
  const zaaknummer = o.zaaknummer ?? `${year}Z${String(int(rnd, 10000, 99999))}`;
  const ingediend = new Date(Date.UTC(year, int(rnd, 0, 11), int(rnd, 1, 28)));
  const days = int(rnd, 6, 21);
  const beantwoord = new Date(ingediend.getTime() + days * 86400000);
  const members = [];
  const memberCount = int(rnd, 1, 3);
  const start = int(rnd, 0, MEMBERS.length - 1);
  for (let i = 0; i < memberCount; i++) members.push(MEMBERS[(start + i) % MEMBERS.length]);
  const topics = [];
  for (let i = int(rnd, 0, 4); i > 0; i--) {
    const t = pick(rnd, TOPICS);
    if (!topics.includes(t)) topics.push(t);
  }
  const title = `Het bericht dat ${clause(rnd)}`;
  const ahNumber = `${vergaderjaar(beantwoord)}-${int(rnd, 1, 3200)}`;
  const qs = [];
  /** Questions whose answer is written out, not only "Zie antwoord vraag N." */
  const realAnswers = [];
  const meanSentences = o.answerSentences ?? 3;
  for (let n = 1; n <= o.questions; n++) {
    const question = questionText(rnd);
    let answer = [];
    if (answered) {
      if (n > 1 && realAnswers.length > 0 && rnd() < 0.1) {
        const recent = realAnswers.slice(-20);
        answer = [`Zie antwoord vraag ${ref(pick(rnd, recent))}.`];
      } else {
        const paragraphs = rnd() < 0.55 ? 1 : int(rnd, 2, 3);
        for (let p = 0; p < paragraphs; p++) {
          let text = paragraph(rnd, Math.max(1, int(rnd, meanSentences - 2, meanSentences + 2)));
          if (n > 1 && rnd() < 0.2) text += ` ${referenceSentence(rnd, n)}`;
          if (rnd() < 0.05) text = `Ja. ${text}`;
          // eslint-disable-next-line no-dupe-else-if -- a second draw of rnd(), not the same condition.
          else if (rnd() < 0.05) text = `Nee. ${text}`;
          answer.push(text);
        }
        realAnswers.push(n);
      }
    }
    qs.push({ number: n, question, answer });
  }
  const mededeling = !answered && rnd() < 0.4
    ? {
      date: dutchDate(new Date(ingediend.getTime() + 21 * 86400000)),
      text: `De vragen van de leden ${members.map((m) => m[1] ? `${m[0]} (${m[1]})` : m[0]).join(' en ')} over ${title.charAt(0).toLowerCase()}${title.slice(1)} (${zaaknummer}) kunnen tot mijn spijt niet binnen de gebruikelijke termijn worden beantwoord. Er is meer tijd nodig voor de afstemming van de beantwoording.`,
    }
    : null;
  return {
    zaaknummer, title, answered, members, topics, questions: qs, mededeling,
    ingediend: dutchDate(ingediend), beantwoord: dutchDate(beantwoord), days,
    minister: pick(rnd, MINISTERS), ahNumber,
    blankLines: answered || rnd() < 0.5,
  };
}

const stripRefs = (s) => s.replace(/[\u0001\u0002]/g, '');

/** Renders a model in the Kamervraag text format (no trailing newline, like the examples). */
export function renderKamervraag(m) {
  const L = [];
  L.push(`Kamervraag ${m.zaaknummer}`, '', m.title, '');
  L.push(`Ingediend ${m.ingediend}`);
  if (m.answered) L.push(`Beantwoord ${m.beantwoord} (na ${m.days} dagen)`);
  const who = m.members.map(([name, party]) => party ? `${name} (${party})` : name).join(', ');
  L.push(`${m.members.length > 1 ? 'Indieners' : 'Indiener'} ${who}`);
  if (m.answered) L.push(`Beantwoord door ${m.minister}`);
  L.push(m.topics.length ? `Onderwerpen ${m.topics.join(' ')}` : 'Onderwerpen');
  L.push(`Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-${m.zaaknummer}.html`);
  if (m.answered) L.push(`Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-${m.ahNumber}.html`);
  for (const q of m.questions) {
    L.push(` • Vraag ${q.number}`, `  ${q.question}`);
    if (q.answer.length) {
      L.push('');
      for (const p of q.answer) L.push(`  ${stripRefs(p)}`);
    }
    if (m.blankLines) L.push('');
  }
  if (m.mededeling) {
    L.push(` • Mededeling - ${m.mededeling.date}`, `  ${m.mededeling.text}`);
  }
  L.push('', '');
  L.push(`Kamervraag document nummer: kv-tk-${m.zaaknummer}`, `Volledige titel: ${m.title}`);
  if (m.answered) {
    const surnames = m.members.map(([name]) => name.split(' ').slice(-1)[0]);
    const who2 = surnames.length > 1 ? `${surnames.slice(0, -1).join(', ')} en ${surnames[surnames.length - 1]}` : surnames[0];
    L.push(`Kamerantwoord document nummer: ah-tk-${m.ahNumber}`);
    L.push(`Volledige titel: Antwoord op vragen van ${surnames.length > 1 ? 'de leden' : 'het lid'} ${who2} over ${m.title.charAt(0).toLowerCase()}${m.title.slice(1)}`);
  }
  // Unanswered documents are often written without blank lines between blocks; keep exactly one
  // blank line before the footer there, as in 2024Z18439.txt.
  return L.join('\n').replace(/\n{4,}/g, '\n\n\n');
}

/** Renders the same questions as Markdown: `## Vraag N` headings, answers as paragraphs, references
 * as fragment links `[3](#vraag-3)`. */
export function renderMarkdown(m) {
  const L = [];
  const link = (s) => s.replace(/\u0001(\d+)\u0002/g, (_, n) => `[${n}](#vraag-${n})`);
  L.push(`# Kamervraag ${m.zaaknummer}`, '', m.title, '');
  L.push(`- Ingediend ${m.ingediend}`);
  if (m.answered) L.push(`- Beantwoord ${m.beantwoord} (na ${m.days} dagen)`);
  L.push(`- Indieners ${m.members.map(([n, p]) => p ? `${n} (${p})` : n).join(', ')}`, '');
  for (const q of m.questions) {
    L.push(`## Vraag ${q.number}`, '', q.question, '');
    for (const p of q.answer) L.push(link(p), '');
  }
  if (m.mededeling) L.push(`## Mededeling - ${m.mededeling.date}`, '', m.mededeling.text, '');
  return L.join('\n');
}

/** Shorthand: the Kamervraag text of an answered document of `questions` questions. */
export function generateDocument(questions, seed = 1, options = {}) {
  return renderKamervraag(generateModel({ questions, seed, ...options }));
}

/** A pathological document of nothing but ` • Vraag N` lines, `bytes` long (UTF-8): its text and how many headings. */
export function generateHeadings(bytes = 5 * (1 << 20)) {
  const lines = [];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const line = ` • Vraag ${n}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return { text: lines.join('\n'), count: lines.length };
}

/** A small realistic document for the workspace: 3–15 questions, about a third not answered yet;
 * zaaknummer unique per `index` (< 90,000). */
export function generateWorkspaceDocument(index, seed = 7) {
  const rnd = prng(seed * 1000003 + index);
  const year = 2014 + (index % 11);
  const zaaknummer = `${year}Z${String(10000 + index).padStart(5, '0')}`;
  const model = generateModel({
    questions: int(rnd, 3, 15), seed: seed * 7919 + index, answered: rnd() > 0.33, zaaknummer, answerSentences: 3,
  });
  return { zaaknummer, text: renderKamervraag(model), model };
}

// CLI
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const model = generateModel({
    questions: Number(get('--questions', '10')),
    seed: Number(get('--seed', '1')),
    answered: !args.includes('--unanswered'),
  });
  process.stdout.write(args.includes('--markdown') ? renderMarkdown(model) : renderKamervraag(model));
}
