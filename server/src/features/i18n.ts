/** The few words the features show to a person, in English and Dutch. */
import type { Locale } from '../core/diagnostic';

const TEXT = {
  metadata: { en: 'Metadata', nl: 'Metadata' },
  question: { en: 'Question', nl: 'Vraag' },
  answer: { en: 'Answer', nl: 'Antwoord' },
  footer: { en: 'Footer', nl: 'Voettekst' },
  title: { en: 'Title', nl: 'Titel' },
  notAnsweredYet: { en: 'Not answered (yet).', nl: '(Nog) niet beantwoord.' },
  referredFrom: { en: 'Referred to from the answer to question {list}', nl: 'Verwezen vanuit het antwoord op vraag {list}' },
  referredFromMany: { en: 'Referred to from the answers to questions {list}', nl: 'Verwezen vanuit de antwoorden op de vragen {list}' },
  notReferred: { en: 'No other answer refers to this question.', nl: 'Geen ander antwoord verwijst naar deze vraag.' },
  duplicate: { en: 'Question {n} occurs {count} times.', nl: 'Vraag {n} komt {count} keer voor.' },
  referToQuestion: { en: 'Refer to question {n}: «{text}»', nl: 'Verwijs naar vraag {n}: «{text}»' },
  referToQuestionBare: { en: 'Refer to question {n}', nl: 'Verwijs naar vraag {n}' },
  referToOtherQuestion: { en: 'Refer to question {n} of {z}: «{text}»', nl: 'Verwijs naar vraag {n} van {z}: «{text}»' },
  referToOtherQuestionBare: { en: 'Refer to question {n} of {z}', nl: 'Verwijs naar vraag {n} van {z}' },
  openSource: { en: 'Open on officielebekendmakingen.nl', nl: 'Openen op officielebekendmakingen.nl' },
  document: { en: 'Document', nl: 'Document' },
  openKamervraag: { en: 'Open Kamervraag {z}', nl: 'Kamervraag {z} openen' },
  openQuestion: { en: 'Open question {n} of Kamervraag {z}', nl: 'Vraag {n} van Kamervraag {z} openen' },
  fixAll: { en: 'Fix all auto-fixable Kamervraag problems', nl: 'Alle automatisch herstelbare Kamervraag-problemen herstellen' },
  startAnsweringLens: { en: 'Start answering', nl: 'Beantwoording starten' },
  startAnswering: { en: 'Start answering: Beantwoord today and an answer line under each question', nl: 'Beantwoording starten: Beantwoord vandaag en een antwoordregel onder elke vraag' },
  renumber: { en: 'Renumber questions', nl: 'Vragen hernummeren' },
  renumberLeft: { en: ' ({n} references left as they are)', nl: ' ({n} verwijzingen ongewijzigd)' },
  renumberLeftOne: { en: ' (1 reference left as it is)', nl: ' (1 verwijzing ongewijzigd)' },
  insertQuestion: { en: 'Insert a question after question {n}', nl: 'Vraag toevoegen na vraag {n}' },
  moveQuestionUp: { en: 'Move question {n} up', nl: 'Vraag {n} omhoog' },
  moveQuestionDown: { en: 'Move question {n} down', nl: 'Vraag {n} omlaag' },
  deleteQuestion: { en: 'Delete question {n}', nl: 'Vraag {n} verwijderen' },
  deleteReferred: { en: ' (referred to {n}×: those references stay as they are)', nl: ' ({n}× naar verwezen: die verwijzingen blijven staan)' },
} as const satisfies Record<string, { en: string; nl: string }>;

export type TextKey = keyof typeof TEXT;

export function t(locale: Locale, key: TextKey, vars: Record<string, string | number> = {}): string {
  return TEXT[key][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** `1, 5 en 7` / `1, 5 and 7`. */
export function list(locale: Locale, items: readonly (string | number)[]): string {
  const words = items.map(String);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${locale === 'nl' ? 'en' : 'and'} ${words[words.length - 1]}`;
}
