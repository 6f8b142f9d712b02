/**
 * The `kamervraag/status` answer of the language server and how the language status item shows it, in
 * VS Code's display language. No `vscode` import: the extension passes `vscode.l10n` (the Dutch is
 * in `l10n/bundle.l10n.nl.json`), the unit tests a translator of their own, so the texts are tested in
 * plain Node in both languages.
 */

/** Result of the `kamervraag/status` request (`{ textDocument: { uri } }`), or null for an unknown document. */
export interface KamervraagStatus {
  zaaknummer: string | null;
  title: string | null;
  questions: number;
  unanswered: number;
  answered: boolean;
  diagnostics: { errors: number; warnings: number };
  /** The answer term against today (server features/term.ts); `text` in the session's language. */
  term?: { state: string; deadline: string | null; daysLeft: number | null; postponedOn: string | null; text: string | null };
  /** The text is no Kamervraag at all (absent from servers before it). */
  notAKamervraag?: boolean;
}

/** `vscode.l10n`'s shape: `t` of an English message with `{0}`, `{1}` … and its arguments. */
export interface L10n {
  t(message: string, ...args: (string | number)[]): string;
}

/** The English texts (what `vscode.l10n` gives in an English VS Code). */
export const english: L10n = {
  t: (message, ...args) =>
    message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole)),
};

/** "10 questions" / "10 vragen", "1 question" / "1 vraag". */
function questionCount(n: number, l10n: L10n): string {
  return n === 1 ? l10n.t('{0} question', n) : l10n.t('{0} questions', n);
}

/**
 * The item's text: "10 questions · 2 without answer" ("10 vragen · 2 zonder antwoord"), or
 * "22 questions · not answered yet" ("22 vragen · nog niet beantwoord") before the minister answered;
 * "not a Kamervraag" ("geen Kamervraag") for a text that is none.
 */
export function statusText(s: KamervraagStatus, l10n: L10n = english): string {
  if (s.notAKamervraag) return l10n.t('not a Kamervraag');
  const questions = questionCount(s.questions, l10n);
  if (!s.answered) return l10n.t('{0} · not answered yet', questions);
  return l10n.t('{0} · {1} without answer', questions, s.unanswered);
}

/**
 * The zaaknummer as the detail may show it: letters and digits only, else none. VS Code reads a language
 * status item's detail for links (`[…](command:…)`) and icons (`$(…)`), and once the item is pinned shows it
 * as trusted Markdown, so the header's text must not reach it as it stands; a malformed zaaknummer has its
 * own check, which names it.
 */
function shownZaaknummer(zaaknummer: string | null): string | null {
  return zaaknummer !== null && /^[\p{L}\p{N}]{1,40}$/u.test(zaaknummer) ? zaaknummer : null;
}

/** The item's detail: "2014Z19222 · 1 error, 2 warnings" ("2014Z19222 · 1 fout, 2 waarschuwingen"), and for a document
 * that waits for its answer the term (in the server's language): "… · answer due by 19 November 2024 (5 days left)". */
export function statusDetail(s: KamervraagStatus, l10n: L10n = english): string {
  const parts: string[] = [];
  const zaaknummer = shownZaaknummer(s.zaaknummer);
  if (zaaknummer) parts.push(zaaknummer);
  const { errors, warnings } = s.diagnostics;
  if (errors + warnings === 0) parts.push(l10n.t('no problems'));
  else {
    const p: string[] = [];
    if (errors) p.push(errors === 1 ? l10n.t('{0} error', errors) : l10n.t('{0} errors', errors));
    if (warnings) p.push(warnings === 1 ? l10n.t('{0} warning', warnings) : l10n.t('{0} warnings', warnings));
    parts.push(p.join(', '));
  }
  if (s.term?.text && s.term.state !== 'beantwoord' && !s.notAKamervraag) parts.push(s.term.text);
  return parts.join(' · ');
}

/** Matches vscode.LanguageStatusSeverity (Information = 0, Warning = 1, Error = 2). */
export function statusSeverity(s: KamervraagStatus): 0 | 1 | 2 {
  if (s.diagnostics.errors > 0) return 2;
  if (s.diagnostics.warnings > 0 || (s.answered && s.unanswered > 0)) return 1;
  return 0;
}
