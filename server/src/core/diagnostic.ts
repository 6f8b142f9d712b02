/**
 * The diagnostics the checks produce: stable codes, default severities, messages in English and
 * Dutch. Connection-free: the server turns them into LSP diagnostics (adding the document URI to
 * related locations), the CLI prints them.
 */
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';

export { DiagnosticSeverity };

/** A message in the two languages the users read. */
export interface Message {
  readonly en: string;
  readonly nl: string;
}

export type Locale = 'en' | 'nl';

/** Picks the language for a BCP 47 tag (`nl`, `nl-BE`) or a POSIX locale (`nl_NL.UTF-8`); English otherwise. */
export function localeOf(tag: string | undefined | null): Locale {
  return tag && /^nl(?:[-_.@]|$)/i.test(tag) ? 'nl' : 'en';
}

export interface RelatedLocation {
  readonly range: Range;
  readonly message: Message;
}

/** An edit that mends what a diagnostic reports; the server offers it as a quick fix. */
export interface Fix {
  readonly title: Message;
  readonly range: Range;
  readonly newText: string;
}

export interface KvDiagnostic {
  readonly code: RuleCode;
  readonly severity: DiagnosticSeverity;
  readonly message: Message;
  readonly range: Range;
  readonly related: readonly RelatedLocation[];
  /** Marks text that is unnecessary (a stray line) so an editor can fade it. */
  readonly unnecessary?: boolean;
  /** The edit that mends it, where there is one obvious edit. */
  readonly fix?: Fix;
}

export interface Rule {
  readonly severity: DiagnosticSeverity;
  /** One line on what the rule checks, for documentation and `kamervraag rules`. */
  readonly description: string;
  /** Where the rule comes from, when it has a source outside this format. */
  readonly href?: string;
}

const E = DiagnosticSeverity.Error;
const W = DiagnosticSeverity.Warning;
const I = DiagnosticSeverity.Information;

/** Art. 135 of the Reglement van Orde van de Tweede Kamer (BWBR0006023, the version of 2014 that FORMAT.md
 * cites): answer within three weeks or say why not. */
export const ANSWER_TERM_URL = 'https://wetten.overheid.nl/jci1.3:c:BWBR0006023&artikel=135&g=2014-10-30';

/** Every rule, by stable code. The order is the order of FORMAT.md. */
export const RULES = {
  'header-missing': { severity: E, description: 'The first line must be `Kamervraag <zaaknummer>`.' },
  'header-malformed': { severity: E, description: 'The header line is not `Kamervraag <zaaknummer>`.' },
  'zaaknummer-malformed': { severity: E, description: 'A zaaknummer is four digits, `Z`, five digits (2014Z19222).' },
  'title-missing': { severity: W, description: 'The title stands on the third line, after a blank line.' },
  'metadata-unknown-key': { severity: W, description: 'A metadata line whose key the format does not know.' },
  'metadata-missing-field': { severity: W, description: 'A required metadata field is missing.' },
  'metadata-duplicate-field': { severity: W, description: 'A metadata field occurs twice.' },
  'metadata-order': { severity: W, description: 'Metadata fields stand in the order of the format.' },
  'metadata-malformed-value': { severity: W, description: 'A metadata value cannot be read.' },
  'indieners-count': { severity: W, description: '`Indiener` goes with one member, `Indieners` with several.' },
  'date-invalid': { severity: E, description: 'A date that does not exist or cannot be read.' },
  'date-order': { severity: E, description: 'Beantwoord lies before Ingediend.' },
  'days-wrong': { severity: W, description: '`(na N dagen)` must be the number of days from Ingediend to Beantwoord.' },
  'late-answer': {
    severity: I,
    description: 'Answered after more than three weeks without a postponement notice (Mededeling).',
    href: ANSWER_TERM_URL,
  },
  'zaaknummer-mismatch': { severity: E, description: 'The zaaknummers of header, Bron vraag and footer agree.' },
  'answer-number-mismatch': { severity: E, description: 'The ah-tk numbers of Bron antwoord and footer agree.' },
  'footer-title-mismatch': { severity: W, description: 'The footer\'s Volledige titel repeats the title.' },
  'malformed-heading': { severity: W, description: 'A question heading is written ` • Vraag N`.' },
  'duplicate-question-number': { severity: E, description: 'Two questions have the same number.' },
  'question-number-sequence': { severity: W, description: 'Questions are numbered 1, 2, 3 … in order.' },
  'missing-question-text': { severity: W, description: 'A question block without question text.' },
  'missing-answer': { severity: W, description: 'A question without answer in an answered document.' },
  'unanswered-document': { severity: I, description: 'No question has been answered yet.' },
  'reference-unknown-question': { severity: E, description: 'A reference to a question that does not exist.' },
  'reference-self': { severity: W, description: 'An answer that refers to its own question.' },
  'reference-cycle': { severity: E, description: 'Answers that refer to each other in a circle, with no real answer among them.' },
  'reference-unanswered': { severity: W, description: 'A reference to a question whose answer is missing.' },
  'stray-text': { severity: W, description: 'Text that belongs to no block.' },
  'not-a-kamervraag': { severity: E, description: 'The text is no Kamervraag at all: no header, metadata, question or footer (one diagnostic instead of one per line).' },
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;

const NO_RELATED: readonly RelatedLocation[] = Object.freeze([]);

export function diagnostic(
  code: RuleCode,
  range: Range,
  message: Message,
  related: readonly RelatedLocation[] = NO_RELATED,
  fix?: Fix,
): KvDiagnostic {
  return fix ? { code, severity: RULES[code].severity, message, range, related, fix } : { code, severity: RULES[code].severity, message, range, related };
}
