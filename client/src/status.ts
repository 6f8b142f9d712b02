/**
 * The `kamervraag/status` answer of the language server and how the language status item shows it.
 * No `vscode` import: the texts are unit-tested in plain Node.
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
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "10 vragen · 2 zonder antwoord", or "22 vragen · nog niet beantwoord" before the minister answered. */
export function statusText(s: KamervraagStatus): string {
  const questions = plural(s.questions, 'vraag', 'vragen');
  if (!s.answered) return `${questions} · nog niet beantwoord`;
  return `${questions} · ${s.unanswered} zonder antwoord`;
}

/** "2014Z19222 · 1 fout, 2 waarschuwingen" (the hover of the status item), and for a document that waits for its
 * answer the term: "… · antwoord verwacht uiterlijk 19 november 2024 (nog 5 dagen)". */
export function statusDetail(s: KamervraagStatus): string {
  const parts: string[] = [];
  if (s.zaaknummer) parts.push(s.zaaknummer);
  const { errors, warnings } = s.diagnostics;
  if (errors + warnings === 0) parts.push('geen problemen');
  else {
    const p: string[] = [];
    if (errors) p.push(plural(errors, 'fout', 'fouten'));
    if (warnings) p.push(plural(warnings, 'waarschuwing', 'waarschuwingen'));
    parts.push(p.join(', '));
  }
  if (s.term?.text && s.term.state !== 'beantwoord') parts.push(s.term.text);
  return parts.join(' · ');
}

/** Matches vscode.LanguageStatusSeverity (Information = 0, Warning = 1, Error = 2). */
export function statusSeverity(s: KamervraagStatus): 0 | 1 | 2 {
  if (s.diagnostics.errors > 0) return 2;
  if (s.diagnostics.warnings > 0 || (s.answered && s.unanswered > 0)) return 1;
  return 0;
}
