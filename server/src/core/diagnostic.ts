/**
 * The diagnostics the checks produce: stable codes, default severities, messages in English and
 * Dutch. Connection-free: the server turns them into LSP diagnostics (adding the document URI to
 * related locations), the CLI prints them.
 */
import type { DiagnosticSeverity as LspDiagnosticSeverity, Range } from 'vscode-languageserver-types';

/**
 * LSP's diagnostic severities, the protocol's numbers. Written here rather than imported from
 * vscode-languageserver-types, whose 47 KB the command-line tool would load at every start for these four
 * (a unit test holds them equal to the package's).
 */
export const DiagnosticSeverity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const;
export type DiagnosticSeverity = LspDiagnosticSeverity;

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
  /** In another document (a workspace rule's); in the diagnostic's own document when absent. */
  readonly uri?: string;
}

/** One text edit of a fix. */
export interface FixEdit {
  readonly range: Range;
  readonly newText: string;
  /** Where the cursor goes after the edit, as an offset into `newText` (a snippet's `$0` for a client that
   * takes snippet edits); at most one edit of a fix has one. */
  readonly cursor?: number;
}

/** The edits that mend what a diagnostic reports; the server offers them as one quick fix. */
export interface Fix {
  readonly title: Message;
  /** Non-overlapping, in document order; one undo in an editor. */
  readonly edits: readonly FixEdit[];
  /** The fix needs the author: it leaves a place to fill in (an empty answer line, a key without its
   * value), or it chooses between two versions of the author's words, replacing words the other version
   * lacks (a footer title longer than the title, two zaaknummers that agree against the header's). A
   * quick fix of its own, never part of `source.fixAll.kamervraag` or `check --fix`, which apply only what
   * needs no input and loses no word. */
  readonly needsInput?: boolean;
}

/** The fix that replaces one range. */
export function replaceFix(title: Message, range: Range, newText: string): Fix {
  return { title, edits: [{ range, newText }] };
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
  /**
   * One line on what is wrong when the rule reports (not the correct state), in English and Dutch: what
   * `kamervraag rules` prints and SARIF's `shortDescription`.
   */
  readonly description: Message;
  /** What the rule checks and how to mend it, in a few sentences: SARIF's `fullDescription` and docs/rules.md. */
  readonly fullDescription: Message;
  /** Where the rule comes from, when it has a source outside this format. */
  readonly href?: string;
  /**
   * The rule needs the other Kamervragen of the workspace (core/checks/crossReferences.ts): the language
   * server reports it, `kamervraag check`, which reads each file on its own, does not.
   */
  readonly workspace?: true;
}

const E = DiagnosticSeverity.Error;
const W = DiagnosticSeverity.Warning;
const I = DiagnosticSeverity.Information;

/** Art. 135 of the Reglement van Orde van de Tweede Kamer (BWBR0006023, the version of 2014 that FORMAT.md
 * cites): answer within three weeks or say why not. */
export const ANSWER_TERM_URL = 'https://wetten.overheid.nl/jci1.3:c:BWBR0006023&artikel=135&g=2014-10-30';

const rule = (severity: DiagnosticSeverity, en: string, nl: string, fullEn: string, fullNl: string) =>
  ({ severity, description: { en, nl }, fullDescription: { en: fullEn, nl: fullNl } });

/**
 * Every rule, by stable code, in the order of FORMAT.md: the one table behind the diagnostics (severity,
 * code link), `kamervraag rules`, the SARIF rules and docs/rules.md (a unit test keeps that page equal).
 * Each description says what is wrong, as a reader of a report expects.
 */
export const RULES = {
  'header-missing': rule(E, 'The first line is not `Kamervraag <zaaknummer>`.', 'De eerste regel is niet `Kamervraag <zaaknummer>`.',
    'A Kamervraag starts with the line `Kamervraag <zaaknummer>`, such as `Kamervraag 2014Z19222`. Without it the file is not read as a Kamervraag. Where Bron vraag or the footer gives the zaaknummer, a quick fix writes the header.',
    'Een Kamervraag begint met de regel `Kamervraag <zaaknummer>`, zoals `Kamervraag 2014Z19222`. Zonder die regel wordt het bestand niet als Kamervraag gelezen. Waar Bron vraag of de voettekst het zaaknummer geeft, schrijft een snelle oplossing de kop.'),
  'header-malformed': rule(E, 'The header line is malformed.', 'De kopregel is onjuist opgemaakt.',
    'The header line starts with `Kamervraag` (in any case) but is not `Kamervraag <zaaknummer>`: the zaaknummer is missing, or the spaces or capitals differ (a quick fix writes it right).',
    'De kopregel begint met `Kamervraag` (in hoofd- of kleine letters) maar is niet `Kamervraag <zaaknummer>`: het zaaknummer ontbreekt, of de spaties of hoofdletters wijken af (een snelle oplossing schrijft het goed).'),
  'zaaknummer-malformed': rule(E, 'The zaaknummer is malformed.', 'Het zaaknummer is onjuist opgemaakt.',
    'A zaaknummer is four digits (the year), `Z` and five digits: `2014Z19222`.',
    'Een zaaknummer bestaat uit vier cijfers (het jaar), `Z` en vijf cijfers: `2014Z19222`.'),
  'title-missing': rule(W, 'The title is missing.', 'De titel ontbreekt.',
    'The title stands on the third line, after the header and a blank line. Where the footer gives it (Volledige titel), a quick fix writes it there.',
    'De titel staat op de derde regel, na de kopregel en een lege regel. Waar de voettekst die geeft (Volledige titel), schrijft een snelle oplossing hem daar.'),
  'metadata-unknown-key': rule(W, 'A metadata line has a key the format does not know.', 'Een metadataregel heeft een sleutel die het formaat niet kent.',
    'The metadata keys are Ingediend, Beantwoord, Indiener(s), Beantwoord door, Onderwerpen, Bron vraag and Bron antwoord; a misspelt key is not read.',
    'De metadatasleutels zijn Ingediend, Beantwoord, Indiener(s), Beantwoord door, Onderwerpen, Bron vraag en Bron antwoord; een verkeerd gespelde sleutel wordt niet gelezen.'),
  'metadata-missing-field': rule(W, 'A required metadata field is missing.', 'Een verplicht metadataveld ontbreekt.',
    'Every Kamervraag has Ingediend, Indiener(s), Onderwerpen and Bron vraag; once answered also Beantwoord, Beantwoord door and Bron antwoord.',
    'Elke Kamervraag heeft Ingediend, Indiener(s), Onderwerpen en Bron vraag; na beantwoording ook Beantwoord, Beantwoord door en Bron antwoord.'),
  'metadata-duplicate-field': rule(W, 'A metadata field occurs twice.', 'Een metadataveld komt twee keer voor.',
    'Each metadata field occurs once; the message points at the second, and links to the first.',
    'Elk metadataveld komt één keer voor; de melding wijst het tweede aan, met een verwijzing naar het eerste.'),
  'metadata-order': rule(W, 'The metadata fields are out of order.', 'De metadatavelden staan in de verkeerde volgorde.',
    'The metadata fields stand in the order of the format: Ingediend, Beantwoord, Indiener(s), Beantwoord door, Onderwerpen, Bron vraag, Bron antwoord.',
    'De metadatavelden staan in de volgorde van het formaat: Ingediend, Beantwoord, Indiener(s), Beantwoord door, Onderwerpen, Bron vraag, Bron antwoord.'),
  'metadata-malformed-value': rule(W, 'A metadata value cannot be read.', 'Een metadatawaarde is niet te lezen.',
    'The value is missing or does not have the form of its field: a member has a name, `Bron vraag` and `Bron antwoord` link to their document on officielebekendmakingen.nl, `Beantwoord` should end with `(na N dagen)`.',
    'De waarde ontbreekt of heeft niet de vorm van haar veld: een Kamerlid heeft een naam, `Bron vraag` en `Bron antwoord` verwijzen naar hun document op officielebekendmakingen.nl, `Beantwoord` hoort te eindigen op `(na N dagen)`.'),
  'indieners-count': rule(W, '`Indiener` or `Indieners` does not fit the number of members.', '`Indiener` of `Indieners` past niet bij het aantal Kamerleden.',
    '`Indiener` goes with one member, `Indieners` with several.',
    '`Indiener` hoort bij één Kamerlid, `Indieners` bij meer.'),
  'date-invalid': rule(E, 'A date does not exist or cannot be read.', 'Een datum bestaat niet of is niet te lezen.',
    'Dates are Dutch dates that exist: `30 oktober 2014`, not `31 februari 2014` or `30 october 2014`. Where the month plainly means one (`october`, `okt`, `febuari`), a quick fix writes its Dutch name.',
    'Datums zijn Nederlandse datums die bestaan: `30 oktober 2014`, niet `31 februari 2014` of `30 october 2014`. Waar de maand duidelijk een maand bedoelt (`october`, `okt`, `febuari`), schrijft een snelle oplossing de Nederlandse naam.'),
  'date-order': rule(E, 'Beantwoord lies before Ingediend, or a Mededeling outside them.', 'Beantwoord ligt vóór Ingediend, of een Mededeling erbuiten.',
    'A question is answered after it was submitted: Beantwoord is not before Ingediend. A Mededeling (postponement notice) is sent after Ingediend and, once answered, not after Beantwoord; a date outside them is mostly a wrong year.',
    'Een vraag wordt beantwoord nadat ze is ingediend: Beantwoord ligt niet vóór Ingediend. Een Mededeling (uitstelbericht) wordt na Ingediend gestuurd en, eenmaal beantwoord, niet na Beantwoord; een datum daarbuiten heeft meestal een verkeerd jaar.'),
  'days-wrong': rule(W, '`(na N dagen)` is not the number of days from Ingediend to Beantwoord.', '`(na N dagen)` is niet het aantal dagen van Ingediend tot Beantwoord.',
    '`(na N dagen)` after Beantwoord counts the days from Ingediend to Beantwoord; the message gives the right number and a quick fix puts it in.',
    '`(na N dagen)` na Beantwoord telt de dagen van Ingediend tot Beantwoord; de melding geeft het juiste aantal en een snelle oplossing vult het in.'),
  'late-answer': {
    ...rule(I, 'Answered after more than three weeks without a postponement notice (Mededeling).', 'Na meer dan drie weken beantwoord zonder uitstelbericht (Mededeling).',
      'The Reglement van Orde (art. 135) gives the minister three weeks to answer, or a notice (Mededeling) saying why the answer takes longer.',
      'Het Reglement van Orde (art. 135) geeft de minister drie weken om te antwoorden, of een bericht (Mededeling) waarom het antwoord langer duurt.'),
    href: ANSWER_TERM_URL,
  },
  'answer-overdue': {
    ...rule(I, 'The answer term has passed without an answer or a Mededeling.', 'De antwoordtermijn is verstreken zonder antwoord of Mededeling.',
      'The document is not answered, no Mededeling (postponement notice) was sent, and the term after Ingediend (three weeks, `kamervraag.answerTermDays`) has passed (Reglement van Orde, art. 135). A quick fix adds a Mededeling dated today after the last question, in the usual words, for you to read and send.',
      'Het document is niet beantwoord, er is geen Mededeling (uitstelbericht) gestuurd, en de termijn na Ingediend (drie weken, `kamervraag.answerTermDays`) is verstreken (Reglement van Orde, art. 135). Een snelle oplossing voegt na de laatste vraag een Mededeling van vandaag toe, in de gebruikelijke woorden, om na te lezen en te versturen.'),
    href: ANSWER_TERM_URL,
  },
  'zaaknummer-mismatch': rule(E, 'The zaaknummers of header, Bron vraag and footer differ.', 'De zaaknummers van kopregel, Bron vraag en voettekst verschillen.',
    'The zaaknummer of the header, of `Bron vraag` (`kv-tk-<zaaknummer>`) and of the footer\'s `Kamervraag document nummer` are the same.',
    'Het zaaknummer van de kopregel, van `Bron vraag` (`kv-tk-<zaaknummer>`) en van `Kamervraag document nummer` in de voettekst zijn gelijk.'),
  'answer-number-mismatch': rule(E, 'The ah-tk numbers of Bron antwoord and footer differ.', 'De ah-tk-nummers van Bron antwoord en voettekst verschillen.',
    'The `ah-tk` number of `Bron antwoord` and of the footer\'s `Kamerantwoord document nummer` are the same.',
    'Het `ah-tk`-nummer van `Bron antwoord` en van `Kamerantwoord document nummer` in de voettekst zijn gelijk.'),
  'footer-title-mismatch': rule(W, 'The footer\'s Volledige titel differs from the title.', 'De Volledige titel in de voettekst verschilt van de titel.',
    'The first `Volledige titel` of the footer repeats the title on the third line.',
    'De eerste `Volledige titel` van de voettekst herhaalt de titel op de derde regel.'),
  'no-questions': rule(W, 'The document has no questions.', 'Het document heeft geen vragen.',
    'A Kamervraag holds at least one question block, ` • Vraag 1` and its question; a document without any was cut short, or its headings were lost. The quick fix adds ` • Vraag 1` after the last text before the footer, the cursor on its question line.',
    'Een Kamervraag heeft minstens één vraagblok, ` • Vraag 1` met de vraag; een document zonder vragen is afgebroken, of de vraagkoppen zijn verloren gegaan. De snelle oplossing voegt ` • Vraag 1` toe na de laatste tekst vóór de voettekst, met de cursor op de regel van de vraag.'),
  'malformed-heading': rule(W, 'A question heading is not written ` • Vraag N`.', 'Een vraagkop is niet geschreven als ` • Vraag N`.',
    'A question heading is ` • Vraag N` on a line of its own, not `- Vraag 3`, `• vraag 3`, `• Vraag` or `Vraag 3:`; the quick fix mends it and moves text after the number to the next line. A sub-number or letter glued to the number (`Vraag 2.1`, `Vraag 2A`) is read as question 2 and has no fix: the questions are numbered 1, 2, 3 ….',
    'Een vraagkop is ` • Vraag N` op een eigen regel, niet `- Vraag 3`, `• vraag 3`, `• Vraag` of `Vraag 3:`; de snelle oplossing herstelt hem en zet tekst na het nummer op de volgende regel. Een subnummer of letter vast aan het nummer (`Vraag 2.1`, `Vraag 2A`) wordt gelezen als vraag 2 en heeft geen snelle oplossing: de vragen zijn genummerd 1, 2, 3 ….'),
  'duplicate-question-number': rule(E, 'Two questions have the same number.', 'Twee vragen hebben hetzelfde nummer.',
    'Question numbers are unique: a reference to a number used twice cannot tell which question it means.',
    'Vraagnummers zijn uniek: een verwijzing naar een nummer dat twee keer voorkomt, zegt niet welke vraag bedoeld is.'),
  'question-number-sequence': rule(W, 'The questions are not numbered 1, 2, 3 … in order.', 'De vragen zijn niet op volgorde genummerd 1, 2, 3 …',
    'Questions are numbered from 1 up, one at a time, without gaps.',
    'Vragen zijn genummerd vanaf 1, steeds één hoger, zonder gaten.'),
  'missing-question-text': rule(W, 'A question heading has no question text.', 'Een vraagkop heeft geen vraagtekst.',
    'Under each ` • Vraag N` heading stands the question, then a blank line, then the answer.',
    'Onder elke vraagkop ` • Vraag N` staat de vraag, dan een lege regel, dan het antwoord.'),
  'missing-answer': rule(W, 'A question has no answer in an answered document.', 'Een vraag heeft geen antwoord in een beantwoord document.',
    'Once the document is answered (Beantwoord), every question has an answer after its question text and a blank line.',
    'Zodra het document beantwoord is (Beantwoord), heeft elke vraag een antwoord na de vraagtekst en een lege regel.'),
  'unanswered-document': rule(I, 'No question has been answered yet.', 'Nog geen enkele vraag is beantwoord.',
    'A note, no problem: the document has no answers yet (one note on the header instead of one per question).',
    'Een melding, geen probleem: het document heeft nog geen antwoorden (één melding op de kopregel in plaats van één per vraag).'),
  'reference-unknown-question': rule(E, 'A reference names a question that does not exist.', 'Een verwijzing noemt een vraag die niet bestaat.',
    '"Zie antwoord vraag 16" in a document without question 16: the number is wrong, or a question is missing. Quick fixes offer the questions it probably meant (one more or less, a digit dropped, two digits swapped), each with its first words.',
    '"Zie antwoord vraag 16" in een document zonder vraag 16: het nummer is fout, of er ontbreekt een vraag. Snelle oplossingen bieden de vragen aan die waarschijnlijk bedoeld zijn (één hoger of lager, een cijfer te veel, twee cijfers omgewisseld), elk met de eerste woorden.'),
  'reference-self': rule(W, 'An answer refers to its own question.', 'Een antwoord verwijst naar de eigen vraag.',
    'An answer that says "zie antwoord vraag 3" under question 3 sends the reader in a circle of one. Quick fixes offer the questions before and after it.',
    'Een antwoord dat onder vraag 3 "zie antwoord vraag 3" zegt, stuurt de lezer in een kringetje. Snelle oplossingen bieden de vragen ervoor en erna aan.'),
  'reference-cycle': rule(E, 'Answers refer to each other in a circle, with no real answer among them.', 'Kringverwijzing: antwoorden verwijzen alleen naar elkaar, zonder echt antwoord ertussen.',
    'Answers that only refer to each other (3 to 5, 5 to 3) leave the questions unanswered.',
    'Antwoorden die alleen naar elkaar verwijzen (3 naar 5, 5 naar 3) laten de vragen onbeantwoord.'),
  'reference-unanswered': rule(W, 'A reference names a question whose answer is missing.', 'Een verwijzing noemt een vraag waarvan het antwoord ontbreekt.',
    'The answer refers to another question\'s answer, but that question has none.',
    'Het antwoord verwijst naar het antwoord op een andere vraag, maar die vraag heeft er geen.'),
  'cross-reference-unknown-question': {
    ...rule(W, 'A reference names a question that the other Kamervraag does not have.', 'Een verwijzing noemt een vraag die de andere Kamervraag niet heeft.',
      '"vraag 14 van het lid … (2024Z16988)" where Kamervraag 2024Z16988 is in the workspace and has no question 14: the number or the zaaknummer is wrong. Reported by the language server, which knows the workspace\'s Kamervragen, and only for those; `kamervraag check` reads each file on its own and does not report it. Quick fixes offer the questions of that document it probably meant.',
      '"vraag 14 van het lid … (2024Z16988)" terwijl Kamervraag 2024Z16988 in de werkruimte staat en geen vraag 14 heeft: het nummer of het zaaknummer is fout. De taalserver meldt dit, want die kent de Kamervragen van de werkruimte, en alleen voor die; `kamervraag check` leest elk bestand op zich en meldt het niet. Snelle oplossingen bieden de vragen van dat document aan die waarschijnlijk bedoeld zijn.'),
    workspace: true,
  },
  'stray-text': rule(W, 'Text belongs to no block.', 'Tekst hoort bij geen enkel blok.',
    'Text between the metadata and the first question, or after the footer, belongs to no question, answer or footer.',
    'Tekst tussen de metadata en de eerste vraag, of na de voettekst, hoort bij geen vraag, antwoord of voettekst.'),
  'not-a-kamervraag': rule(E, 'The text is not a Kamervraag at all.', 'De tekst is helemaal geen Kamervraag.',
    'The text has no part of the format: no `Kamervraag <zaaknummer>` header, no metadata, no ` • Vraag N` heading, no footer. One diagnostic at its first line instead of one for every line.',
    'De tekst heeft geen enkel deel van het formaat: geen kopregel `Kamervraag <zaaknummer>`, geen metadata, geen vraagkop ` • Vraag N`, geen voettekst. Eén melding op de eerste regel in plaats van één per regel.'),
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
