/**
 * The oracle of the edit-safety checks: for each fix code, what its quick fix means to change, read from
 * the format (FORMAT.md) and not from the fix. A fix of a code it does not know is reported unsafe: every
 * new fix gets its case here. Used by editSafety.ts (each quick fix) and fixAllSafety.ts (fix-all).
 */
import type { KvDiagnostic } from '../../server/src/core/diagnostic';
import type { KamervraagDocument } from '../../server/src/core/model';
import { MONTHS } from '../../server/src/core/dates';
import { lineSpans, missing, words } from './editText';

/** The spacing the parser skips (core/lines.ts isSpace). */
const SP = '[ \\t\\v\\f\\u00a0\\ufeff\\u2000-\\u200b\\u202f\\u3000]';
const HEADING_PREFIX = new RegExp(`^(${SP}*)((?:[•\\-–*·●▪◦]${SP}*)?vraag${SP}*(\\d+)[:.]?)`, 'iu');
const ID = /(?:kv|ah)-tk-[A-Za-z0-9-]*/;
const METADATA_KEYS = ['Ingediend', 'Beantwoord', 'Indiener', 'Indieners', 'Beantwoord door', 'Onderwerpen', 'Bron vraag', 'Bron antwoord'];
/** The order of the format (FORMAT.md, Metadata); `Indieners` stands where `Indiener` does. */
const ORDER = ['Ingediend', 'Beantwoord', 'Indiener', 'Beantwoord door', 'Onderwerpen', 'Bron vraag', 'Bron antwoord'];

export interface Intent {
  /** Offsets in the text before: what the fix means to replace. */
  readonly span: readonly [number, number];
  /** Offsets in the text before: outside it nothing may change. Contains `span`. */
  readonly region: readonly [number, number];
  /** Whether the new text of the region is what the fix means to write, given the words it adds. */
  readonly accepts: (added: readonly string[], regionAfter: string) => string | null;
  /** The fix moves the words of its span and replaces none (a reorder): they all survive. */
  readonly keepsSpan?: boolean;
  /** A fix that leaves a place to type (an answer line) mends nothing by itself: where in the new region the
   * author types, so that the check can type a word there and see the problem mended. */
  readonly typedAt?: (regionAfter: string) => number;
  /** The number of the question block the fix writes (a document's first): it stands in the text after the
   * fix, and a reference to that number that named no question before names it now. */
  readonly adds?: number;
}

/**
 * The day the edit-safety checks are run on (editSafety.ts `analysed`): far enough ahead that every
 * unanswered document without a Mededeling is past its term, so that `answer-overdue` and its fix are
 * checked too; and how the format writes it (FORMAT.md, Dates).
 */
export const FUZZ_TODAY = { year: 2031, month: 3, day: 14 } as const;
const FUZZ_TODAY_WRITTEN = '14 maart 2031';

/** The words of a postponement notice (FORMAT.md, the Mededeling of examples/2024Z16988.txt), in any order. */
const NOTICE = 'Mededeling - De vragen van het lid de leden en een over kunnen tot mijn spijt niet binnen de gebruikelijke termijn worden beantwoord. '
  + 'De reden van het uitstel is dat de afstemming ten behoeve van de beantwoording meer tijd vergt. Ik zal u zo spoedig mogelijk de antwoorden op de Kamervragen doen toekomen. ( ) , •';

/** The words of a first question's heading (FORMAT.md, Question blocks). */
const FIRST_QUESTION_WORDS = words(' • Vraag 1');

const only = (allowed: readonly string[]) => (added: readonly string[]) => {
  const extra = missing(added, allowed);
  return extra.length === 0 ? null : `adds ${JSON.stringify(extra)}, expected only words of ${JSON.stringify(allowed)}`;
};

/** What the fix of `d` means to change in `text`, read from the format; a string when the fix should not exist. */
export function intentOf(text: string, doc: KamervraagDocument, d: KvDiagnostic): Intent | string {
  const lines = lineSpans(text);
  const [lineStart, lineEnd] = lines[d.range.start.line] ?? [0, 0];
  const s = text.slice(lineStart, lineEnd);
  const at = (a: number, b: number): readonly [number, number] => [lineStart + a, lineStart + b];
  const idIn = (from: number): readonly [number, number] | null => {
    const m = ID.exec(s.slice(from));
    return m ? at(from + m.index, from + m.index + m[0].length) : null;
  };
  switch (d.code) {
    case 'malformed-heading': {
      const m = HEADING_PREFIX.exec(s);
      if (!m) return `no heading '• Vraag N' on line ${d.range.start.line}: ${JSON.stringify(s)}`;
      const span = at(m[1]!.length, m[0].length);
      return { span, region: at(0, s.length), accepts: only(['•', 'Vraag', ...words(m[3]!)]) };
    }
    case 'zaaknummer-mismatch':
    case 'answer-number-mismatch': {
      const expected = d.code === 'zaaknummer-mismatch'
        ? (doc.header?.zaaknummer ? `kv-tk-${doc.header.zaaknummer.text}` : null)
        : doc.metadata.bronAntwoord?.documentId?.text ?? null;
      if (!expected) return 'a fix without the id it should write';
      const footer = /^(?:Kamervraag|Kamerantwoord) document nummer:/.exec(s);
      if (footer) {
        const id = idIn(footer[0].length);
        if (id) return { span: id, region: id, accepts: only(words(expected)) };
        if (s.slice(footer[0].length).trim() !== '') return 'a fix over a footer value without an id';
        const rest = at(footer[0].length, s.length);
        return { span: rest, region: rest, accepts: only(words(expected)) };
      }
      if (/^Bron (?:vraag|antwoord)\b/.test(s)) {
        const id = idIn(0);
        if (id) return { span: id, region: id, accepts: only(words(expected)) };
      }
      return `a ${d.code} fix on a line without a document number: ${JSON.stringify(s)}`;
    }
    case 'footer-title-mismatch': {
      const m = /^Volledige titel:\s*/.exec(s);
      if (!m || !doc.title) return 'a title fix outside a Volledige titel line, or without a title';
      // Stray text before the questions may be the real title, pushed aside by a line read in its place: the
      // footer's title may then be the only right one, and writing over it would lose it.
      const body = doc.blocks.questionCount > 0 ? doc.blocks.headingLine(0) : doc.lineCount;
      if (doc.strayLines.some((l) => l.range.start.line < body)) return 'a title fix while stray text before the questions may be the real title';
      // An empty value after `Volledige titel: ` is the empty span at its end (trimEnd stops before it).
      const value = at(m[0].length, Math.max(m[0].length, s.trimEnd().length));
      return {
        span: value,
        region: value,
        accepts: (added, after) => only(words(doc.title!.text))(added) ?? (after.trim() === doc.title!.text.trim() ? null : `writes ${JSON.stringify(after)}`),
      };
    }
    case 'days-wrong': {
      const ms = [...s.matchAll(/\(\s*na\s+(\d+)\s+dag/gi)];
      const m = ms[ms.length - 1];
      if (!m) return 'a days fix on a line without (na N dagen)';
      const digits = at(m.index! + m[0].indexOf(m[1]!, 3), m.index! + m[0].indexOf(m[1]!, 3) + m[1]!.length);
      return { span: digits, region: digits, accepts: (added) => (added.length === 1 && /^\d+$/.test(added[0]!) ? null : `adds ${JSON.stringify(added)}`) };
    }
    case 'date-invalid': {
      // A month that is no Dutch month (FORMAT.md, Dates: `30 oktober 2014`): only that word changes, into
      // one of the twelve Dutch months (lower case), the day and year around it as they are.
      const m = /^(\s*\d{1,2}\s+)(\p{L}+)\s+\d{4}\s*$/u.exec(s.slice(d.range.start.character, d.range.end.character));
      if (d.range.start.line !== d.range.end.line || !m) return `a date fix on a date that is not 'day month year': ${JSON.stringify(s)}`;
      const word = at(d.range.start.character + m[1]!.length, d.range.start.character + m[1]!.length + m[2]!.length);
      return {
        span: word,
        region: word,
        accepts: (_, after) => ((MONTHS as readonly string[]).includes(after) && after !== m[2] ? null : `writes month ${JSON.stringify(after)} for ${JSON.stringify(m[2])}`),
      };
    }
    case 'metadata-unknown-key':
    case 'indieners-count': {
      const key = /^\S+/.exec(s)?.[0] ?? '';
      const span = at(0, key.length);
      const meant = (w: string) => (d.code === 'indieners-count'
        ? (w === 'Indiener' || w === 'Indieners')
        : METADATA_KEYS.includes(w) && w.toLowerCase().replace(' ', '') === key.toLowerCase());
      return { span, region: span, accepts: (_, after) => (meant(after) ? null : `writes key ${JSON.stringify(after)} for ${JSON.stringify(key)}`) };
    }
    case 'header-malformed': {
      // `Kamervraag <zaaknummer>` written another way (case, spaces before, between): only those change.
      const m = new RegExp(`^(\\ufeff?)(${SP}*kamervraag${SP}+(\\d{4}Z\\d{5}))${SP}*$`, 'iu').exec(s);
      if (d.range.start.line !== 0 || !m) return `a header fix on a line that is no header of another shape: ${JSON.stringify(s)}`;
      const span = at(m[1]!.length, m[1]!.length + m[2]!.length);
      const proper = `Kamervraag ${m[3]!}`;
      return {
        span,
        region: at(0, s.length),
        accepts: (added, after) => only(words(proper))(added) ?? (after.replace(/^\ufeff/, '').trimEnd() === proper ? null : `writes ${JSON.stringify(after)}`),
      };
    }
    case 'missing-answer': {
      // After the question text (its last line `L`): a blank line and an empty line indented as the question
      // text, inserted at the start of line L+1 (`⏎  ⏎`), or at the end of L when it is the last (`⏎⏎  `).
      const q = doc.questions.find((x) => x.headingRange.start.line === d.range.start.line);
      const lastParagraph = q?.question[q.question.length - 1];
      if (!q || !lastParagraph) return 'an answer fix for a question without question text';
      const last = lastParagraph.range.end.line;
      // Indented as the question's first line of text below its heading (a question written on the heading's
      // line, `• Vraag 4: Wat …?`, has its first paragraph there); with none, twice the heading's indentation.
      const headingLine = q.headingRange.start.line;
      const body = q.question.find((p) => p.range.start.line !== headingLine);
      const indentOf = (l: number) => new RegExp(`^${SP}*`, 'u').exec(text.slice(...lines[l]!))![0];
      const indent = body ? indentOf(body.range.start.line) : indentOf(headingLine).repeat(2) || '  ';
      const ws = indent !== '' ? indent.replace(/[^\n]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`) : `${SP}+`;
      const next = lines[last + 1];
      if (next) {
        const eol = text.slice(lines[last]![1], next[0]);
        const point = [next[0], next[0]] as const;
        const shape = new RegExp(`^${eol === '\r\n' ? '\\r\\n' : eol === '\r' ? '\\r' : '\\n'}${ws}${eol === '\r\n' ? '\\r\\n' : eol === '\r' ? '\\r' : '\\n'}$`, 'u');
        return {
          span: point, region: point, keepsSpan: true,
          accepts: (added, after) => (added.length === 0 && shape.test(after) ? null : `writes ${JSON.stringify(after)}, expected a blank line and ${JSON.stringify(indent)}`),
          typedAt: (after) => after.length - eol.length,
        };
      }
      const point = [lines[last]![1], lines[last]![1]] as const;
      const shape = new RegExp(`^(?:\\r\\n|\\r|\\n){2}${ws}$`, 'u');
      return {
        span: point, region: point, keepsSpan: true,
        accepts: (added, after) => (added.length === 0 && shape.test(after) ? null : `writes ${JSON.stringify(after)} at the end`),
        typedAt: (after) => after.length,
      };
    }
    case 'metadata-missing-field': {
      // The key on a line of its own: after the field that comes last before it in the order of the format,
      // else before the first field; nothing else (no value: the author writes it).
      const key = /'([^']+)' line/.exec(d.message.en)?.[1];
      if (!key || !ORDER.includes(key)) return `a missing-field fix for a message without a key: ${d.message.en}`;
      const rank = (k: string) => ORDER.indexOf(k === 'Indieners' ? 'Indiener' : k);
      const fields = doc.metadata.fields.filter((f) => f.known);
      if (fields.length === 0) return 'a missing-field fix without a metadata line to place it by';
      let before: (typeof fields)[number] | null = null;
      for (const f of fields) if (rank(f.key) < rank(key) && (!before || rank(f.key) >= rank(before.key))) before = f;
      const esc = key.replace(' ', '\\x20');
      if (before) {
        const end = lines[before.range.start.line]![1];
        return {
          span: [end, end], region: [end, end], keepsSpan: true,
          accepts: (_, after) => (new RegExp(`^(?:\\r\\n|\\r|\\n)${esc}${SP}?$`, 'u').test(after) ? null : `writes ${JSON.stringify(after)} after ${before!.key}`),
        };
      }
      const start = lines[fields[0]!.range.start.line]![0];
      return {
        span: [start, start], region: [start, start], keepsSpan: true,
        accepts: (_, after) => (new RegExp(`^${esc}${SP}?(?:\\r\\n|\\r|\\n)$`, 'u').test(after) ? null : `writes ${JSON.stringify(after)} before the first field`),
      };
    }
    case 'metadata-order': {
      // The lines of the metadata block, each as written, in the order of the format; the line ends stay.
      const fields = doc.metadata.fields;
      if (fields.length === 0) return 'an order fix without metadata';
      const region = [lines[fields[0]!.range.start.line]![0], lines[fields[fields.length - 1]!.range.start.line]![1]] as const;
      const before = text.slice(...region).split(/(\r\n|\r|\n)/);
      const rank = (s: string) => {
        const k = [...ORDER, 'Indieners'].sort((a, b) => b.length - a.length).find((x) => s.startsWith(x) && (s.length === x.length || /\s/u.test(s[x.length]!)));
        return k ? ORDER.indexOf(k === 'Indieners' ? 'Indiener' : k) : -1;
      };
      return {
        span: region, region, keepsSpan: true,
        accepts: (_, after) => {
          const now = after.split(/(\r\n|\r|\n)/);
          const ends = (xs: string[]) => xs.filter((_x, k) => k % 2 === 1).join('|');
          const body = (xs: string[]) => xs.filter((_x, k) => k % 2 === 0);
          if (ends(now) !== ends(before)) return 'the line ends change';
          if (JSON.stringify([...body(now)].sort()) !== JSON.stringify([...body(before)].sort())) return `the lines change: ${JSON.stringify(body(now))}`;
          const ranks = body(now).map(rank);
          return ranks.every((r, k) => r >= 0 && (k === 0 || r >= ranks[k - 1]!)) ? null : `not in order: ${JSON.stringify(body(now))}`;
        },
      };
    }
    case 'answer-overdue': {
      // A Mededeling (FORMAT.md: `• Mededeling - <date>`, its body indented like an answer) after the
      // questions: two new lines after the last question's last line of text, its heading dated today, one
      // line of body in the words of a postponement notice and of the document's own Indieners, title and
      // zaaknummer; nothing else changes.
      const q = doc.questions[doc.questions.length - 1];
      if (!q || doc.mededelingen.length > 0) return 'a Mededeling for a document without questions, or with one already';
      const lastLine = Math.max(q.headingRange.start.line, ...[...q.question, ...q.answer].map((p) => p.range.end.line));
      // At the start of the line after it (its own line ends), or at the end of the text after it.
      const next = lines[lastLine + 1];
      const point = next ? [next[0], next[0]] as const : [lines[lastLine]![1], lines[lastLine]![1]] as const;
      const allowed = new Set(words([
        NOTICE, FUZZ_TODAY_WRITTEN, doc.metadata.indieners?.field.value ?? '', doc.title?.text ?? '', doc.title?.text.toLowerCase() ?? '',
        doc.header?.zaaknummer?.text ?? '',
      ].join(' ')));
      return {
        span: point, region: point, keepsSpan: true,
        accepts: (added, after) => {
          const extra = added.filter((w) => !allowed.has(w));
          if (extra.length > 0) return `adds ${JSON.stringify(extra)}, not words of a notice or of the document`;
          const EOL = '(?:\\r\\n|\\r|\\n)';
          // The heading's lead is the nearest canonical question heading's (core/blockStyle.ts): one or more
          // spaces after the bullet, as that heading has them (` •\t Vraag 22` gives ` •\t Mededeling`).
          const notice = `${SP}*•${SP}+Mededeling - ${FUZZ_TODAY_WRITTEN}${EOL}${SP}+\\S[^\\r\\n]*`;
          const shape = new RegExp(next ? `^${EOL}?${notice}${EOL}$` : `^${EOL}{1,2}${notice}$`, 'u');
          return shape.test(after) ? null : `writes ${JSON.stringify(after)}, expected a Mededeling heading of today and one line of notice`;
        },
      };
    }
    case 'no-questions': {
      // The first question block (FORMAT.md, Question blocks: a bullet `•` with leading spaces, `Vraag 1`, the
      // question indented under it), where *Vraag toevoegen* writes a document's first question: on new
      // lines after the last line with text before the footer, the question line empty for the author; in a
      // text that starts with its footer, before it (after the footer's first line it would be footer).
      if (doc.questions.length > 0) return 'a first question for a document with questions';
      const EOL = '(?:\\r\\n|\\r|\\n)';
      const heading = `${SP}+•${SP}+Vraag 1`;
      const footer = doc.footer ? doc.footer.range.start.line : -1;
      if (footer === 0) {
        const shape = new RegExp(`^(${heading}${EOL}${SP}+)${EOL}${EOL}$`, 'u');
        return {
          span: [0, 0], region: [0, 0], keepsSpan: true, adds: 1,
          accepts: (added, after) => only(FIRST_QUESTION_WORDS)(added) ?? (shape.test(after) ? null : `writes ${JSON.stringify(after)} before the footer, expected a first question`),
          typedAt: (after) => (shape.exec(after)?.[1] ?? '').length,
        };
      }
      const blankLine = new RegExp(`^${SP}*$`, 'u');
      let last = footer > 0 ? footer - 1 : lines.length - 1;
      while (last > 0 && blankLine.test(text.slice(...lines[last]!))) last--;
      const point = [lines[Math.max(0, last)]![1], lines[Math.max(0, last)]![1]] as const;
      const shape = new RegExp(`^${EOL}${heading}${EOL}${SP}+$`, 'u');
      return {
        span: point, region: point, keepsSpan: true, adds: 1,
        accepts: (added, after) => only(FIRST_QUESTION_WORDS)(added) ?? (shape.test(after) ? null : `writes ${JSON.stringify(after)}, expected a first question after the last text`),
        typedAt: (after) => after.length,
      };
    }
    case 'header-missing': {
      // FORMAT.md, Header: `Kamervraag ` and the zaaknummer, then a blank line; the zaaknummer the one the
      // document writes as `kv-tk-<zaaknummer>` in Bron vraag or the footer's Kamervraag document nummer.
      // Inserted at the start (after a byte order mark); a first line that is blank already is that blank line.
      const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      // Bron vraag of the metadata (above the first question; a line in a question's text is text) and the footer's line.
      const firstQuestion = doc.questions[0]?.headingRange.start.line ?? lines.length;
      const ids = new Set(lines.map(([a, b], l) => (l < firstQuestion || /^Kamervraag document nummer:/.test(text.slice(a, b)) ? text.slice(a, b) : ''))
        .filter((l) => /^(?:Bron vraag|Kamervraag document nummer:)/.test(l))
        .map((l) => /kv-tk-(\d{4}Z\d{5})\b/.exec(l)?.[1]).filter((z): z is string => z !== undefined));
      if (ids.size !== 1) return `a header fix without one zaaknummer in Bron vraag or the footer: ${JSON.stringify([...ids])}`;
      const [z] = [...ids];
      const EOL = '(?:\\r\\n|\\r|\\n)';
      const firstBlank = new RegExp(`^${SP}*$`, 'u').test(text.slice(from, lines[0]![1]));
      const shape = new RegExp(`^Kamervraag ${z}${EOL}${firstBlank ? '' : EOL}$`, 'u');
      return {
        span: [from, from], region: [from, from], keepsSpan: true,
        accepts: (_, after) => (shape.test(after) ? null : `writes ${JSON.stringify(after)}, expected the header 'Kamervraag ${z}' and a blank line`),
      };
    }
    case 'title-missing': {
      // FORMAT.md, Header and title: the title on one line after the header and a blank line, a blank line
      // after it; the title the footer's (first) Volledige titel.
      const footerTitle = lines.map(([a, b]) => text.slice(a, b)).find((l) => /^Volledige titel:/.test(l));
      const title = footerTitle?.replace(/^Volledige titel:/, '').replace(new RegExp(`^${SP}+|${SP}+$`, 'gu'), '');
      if (!title) return 'a title fix without a Volledige titel in the footer';
      const EOL = '(?:\\r\\n|\\r|\\n)';
      const esc = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const blank = (l: number) => lines[l] !== undefined && new RegExp(`^${SP}*$`, 'u').test(text.slice(...lines[l]!));
      // Under the header (line 0): after its blank line (line 2), or right under it when none stands there.
      const at = blank(1) ? lines[2] : lines[1];
      if (!at) return 'a title fix for a document that ends after its header';
      const point = [at[0], at[0]] as const;
      const shape = new RegExp(blank(1) ? `^${esc}${EOL}${EOL}?$` : `^${EOL}${esc}${EOL}${EOL}$`, 'u');
      return {
        span: point, region: point, keepsSpan: true,
        accepts: (_, after) => (shape.test(after) ? null : `writes ${JSON.stringify(after)}, expected the title ${JSON.stringify(title)} on a line of its own`),
      };
    }
    default:
      return `a fix for ${d.code}, which the oracle does not know: teach it what the fix means to change`;
  }
}

