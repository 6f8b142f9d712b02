/** The answer term against today: `answer-overdue` for an unanswered document past its term without a Mededeling. */
import { diagnostic, type Fix, type FixEdit, type KvDiagnostic } from '../diagnostic';
import { days, formatDate, formatDutchDate } from '../dates';
import { blockStyle } from '../blockStyle';
import { lineEndAfter, lineRange } from '../lines';
import type { DutchDate, KamervraagDocument } from '../model';
import { parse, ZAAKNUMMER } from '../parse';
import { answerTerm } from '../term';
import { ANSWER_TERM_DAYS } from './dates';
import { msg } from './messages';

/** What the checks may be told besides the document: the day to judge the term on, and the term. */
export interface CheckOptions {
  /** Today's date; without it the checks that depend on the day do not run. */
  readonly today?: DutchDate;
  /** The answering term in days (`kamervraag.answerTermDays`); default three weeks. */
  readonly answerTermDays?: number;
  /**
   * Whether `answer-overdue` carries its fix, a Mededeling of some hundred characters to write (default
   * true). `kamervraag check`, which shows no fixes, leaves it out: a folder of thousands of overdue
   * documents would have each notice written for nothing.
   */
  readonly mededelingFix?: boolean;
}

export function checkTerm(doc: KamervraagDocument, out: KvDiagnostic[], options: CheckOptions): void {
  if (!options.today) return;
  const termDays = options.answerTermDays ?? ANSWER_TERM_DAYS;
  const term = answerTerm(doc, options.today, termDays);
  const ingediend = doc.metadata.ingediend;
  if (term.state !== 'te laat' || !term.deadline || term.daysLeft === null || !ingediend) return;
  const late = -term.daysLeft;
  out.push(diagnostic('answer-overdue', ingediend.dateRange, msg(
    `Not answered: the term of ${days(termDays, 'en')} ended on ${formatDate(term.deadline, 'en')}, ${days(late, 'en')} ago, and no Mededeling (postponement notice) was sent.`,
    `Niet beantwoord: de termijn van ${days(termDays, 'nl')} is op ${formatDate(term.deadline, 'nl')} verstreken, ${days(late, 'nl')} geleden, en er is geen Mededeling (uitstelbericht) gestuurd.`,
  ), undefined, options.mededelingFix === false ? undefined : mededelingFix(doc, options.today)));
}

/** The trigger words of a mention of questions (core/mentions.ts `triggerLength`). */
const MAY_MENTION = /vraag|vragen|antwoord/i;

/** The reason most postponement notices give; the cursor stands before it, for the author to keep or write over. */
export const USUAL_REASON = 'de afstemming ten behoeve van de beantwoording meer tijd vergt';

/**
 * The fix of `answer-overdue`: a Mededeling (the postponement notice sent to the Kamer) after the last
 * question, dated today, in the words such notices use: who asked (the Indieners), about what (the title
 * and the zaaknummer), that the answers come later and why (the usual reason, with the cursor before it).
 * New lines after the last question's text, in the lead, indentation and line ends of the questions (a
 * blank line before it where the blocks have one); nothing of the author's text changes. It writes text
 * the author should read, so it is a quick fix of its own (`needsInput`), never part of fix-all.
 */
export function mededelingFix(doc: KamervraagDocument, today: DutchDate): Fix | undefined {
  if (doc.blocks.questionCount === 0 || doc.mededelingen.length > 0) return undefined;
  return { title: MEDEDELING_TITLE, edits: mededelingEdits(doc, today), needsInput: true };
}

const MEDEDELING_TITLE = msg('Add a Mededeling (postponement notice) dated today', 'Voeg een Mededeling (uitstelbericht) van vandaag toe');

/** The edit of `mededelingFix`: the Mededeling's two lines, inserted after the last question. */
function mededelingEdits(doc: KamervraagDocument, today: DutchDate): FixEdit[] {
  const blocks = doc.blocks;
  const count = blocks.questionCount;
  const lines = blocks.lines;
  const heading = blocks.headingLine(count - 1);
  const last = Math.max(heading, blocks.lastTextLine(count - 1));
  const { lead, indent, blankBetween } = blockStyle(blocks, count - 1);
  const eol = lineEndAfter(lines, last);
  const blank = blankBetween ? eol : '';
  // Its text indented like an answer (FORMAT.md), also where the questions stand without indentation.
  const notice = `${lead}Mededeling - ${formatDutchDate(today)}${eol}${indent || '  '}`;
  const opening = `${noticeOpening(doc)} kunnen tot mijn spijt niet binnen de gebruikelijke termijn worden beantwoord. De reden van het uitstel is dat `;
  const rest = `${USUAL_REASON}. Ik zal u zo spoedig mogelijk de antwoorden op de Kamervragen doen toekomen.`;
  if (last + 1 < lines.count) {
    // At the start of the next line, so that an editor that indents a snippet's lines like the line it is
    // inserted on (VS Code) finds no indentation there (as the answer line of `answerFix`).
    const start = `${blank}${notice}${opening}`;
    return [{ range: lineRange(last + 1, 0, 0), newText: `${start}${rest}${eol}`, cursor: start.length }];
  }
  // At the end of the text: after its last line, without a cursor (there the snippet would be indented).
  const end = lines.line(last).length;
  return [{ range: lineRange(last, end, end), newText: `${eol}${blank}${notice}${opening}${rest}` }];
}

/**
 * "De vragen van het lid Bikker (ChristenUnie) over het bericht … (2024Z16988)", from what the document
 * says; without the title (and then without the Indieners) where they would read as a reference to a
 * question ("… vraag 3 …"): the notice stands in a block, and the references of a document are the
 * author's, not the fix's.
 */
function noticeOpening(doc: KamervraagDocument): string {
  const members = (doc.metadata.indieners?.members ?? []).map((m) => (m.party ? `${m.name.text} (${m.party.text})` : m.name.text)).filter((m) => m.trim() !== '');
  const who = members.length === 0 ? '' : members.length === 1 ? ` van het lid ${members[0]}` : ` van de leden ${members.slice(0, -1).join(', ')} en ${members.at(-1)}`;
  const title = doc.title?.text.trim() ?? '';
  // "Het bericht …" reads "over het bericht …"; a title that starts with a name keeps its capital.
  const about = title === '' ? '' : ` over ${/^(?:Het|De|Een) /.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title}`;
  const zaaknummer = doc.header?.zaaknummer?.text;
  const z = zaaknummer && ZAAKNUMMER.test(zaaknummer) ? ` (${zaaknummer})` : '';
  // A reference is a trigger word and a number: only a part with both is probed, without the zaaknummer
  // (after which "vraag 3" would read as a question of that document).
  const free = [`${who}${about}`, who].find((part) => !MAY_MENTION.test(part) || !/\d/.test(part)
    || parse(` • Vraag 1\n  ?\n • Mededeling - 1 januari 2000\n  De vragen${part}`).references.length === 0) ?? '';
  return `De vragen${free}${z}`;
}
