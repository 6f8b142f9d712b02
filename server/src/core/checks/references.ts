/** The mentions of questions: unknown numbers, an answer referring to itself or to a missing answer, circles. */
import { diagnostic, type KvDiagnostic, type Message } from '../diagnostic';
import type { KamervraagDocument, Range } from '../model';
import type { QuestionGraph } from '../graph';
import { msg, rel } from './messages';

export function checkReferences(doc: KamervraagDocument, graph: QuestionGraph, out: KvDiagnostic[]): void {
  /** What the document has, in a message's words: `no questions`, `only question 1`, `questions 1–3, 5`. */
  let known: Message | undefined;
  const describeKnown = (): Message => {
    if (known === undefined) {
      const numbers = graph.numbers();
      known = numbers.length === 0 ? msg('no questions', 'geen vragen')
        : new Set(numbers).size === 1 ? msg(`only question ${numbers[0]}`, `alleen vraag ${numbers[0]}`)
          : msg(`questions ${describeNumbers(numbers)}`, `vragen ${describeNumbers(numbers)}`);
    }
    return known;
  };
  // By index in doc.blocks: most references are fine, and need no object.
  const blocks = doc.blocks;
  for (let r = 0; r < blocks.referenceCount; r++) {
    let missing: number[] | null = null;
    let missingRange: Range | null = null;
    const fromQuestion = blocks.fromQuestion(r);
    const inPart = blocks.inPart(r);
    // Only an answer that sends the reader on ("zie", "verwijs … naar") refers to an answer: "De vragen 3 en
    // 4 beantwoord ik gezamenlijk" under Vraag 3, a pasted "Antwoord op vraag 3", names them in passing.
    const referral = inPart === 'answer' && blocks.delegates(r);
    const count = blocks.targetCount(r);
    // An answer that sends the reader to itself alone ("Zie antwoord vraag 3" under Vraag 3); its own number
    // among others ("Zie het antwoord op de vragen 2 en 3") groups it with them. A question may name its own
    // number ("Wat is uw reactie op vraag 2 en 3" in Vraag 3).
    let selfOnly = referral;
    for (let k = 0; k < count && selfOnly; k++) selfOnly = blocks.targetNumber(r, k) === fromQuestion;
    for (let k = 0; k < count; k++) {
      const n = blocks.targetNumber(r, k);
      const target = graph.indexOf(n);
      const toUnanswered = graph.answered && referral && target >= 0 && !blocks.hasAnswer(target);
      // Most numbers are fine; the target (its range, whether it is implied) is made only for a problem.
      if (target >= 0 && !selfOnly && !toUnanswered) continue;
      const t = blocks.reference(r).targets[k]!;
      if (target < 0) {
        if (t.implied) {
          (missing ??= []).push(t.number);
          missingRange = t.range;
        } else {
          const has = describeKnown();
          out.push(diagnostic('reference-unknown-question', t.range, msg(
            `There is no question ${t.number} (this document has ${has.en}).`,
            `Er is geen vraag ${t.number} (dit document heeft ${has.nl}).`,
          )));
        }
        continue;
      }
      if (selfOnly) {
        out.push(diagnostic('reference-self', t.range, msg(
          `Vraag ${t.number} refers to itself.`, `Vraag ${t.number} verwijst naar zichzelf.`,
        )));
        continue;
      }
      if (!t.implied) {
        out.push(diagnostic('reference-unanswered', t.range, msg(
          `Refers to the answer of Vraag ${t.number}, which has no answer.`,
          `Verwijst naar het antwoord op vraag ${t.number}, dat ontbreekt.`,
        ), [rel(blocks.question(target).heading.range, `Vraag ${t.number}`, `Vraag ${t.number}`)]));
      }
    }
    if (missing && missingRange) {
      out.push(diagnostic('reference-unknown-question', missingRange, new Set(missing).size === 1 ? msg(
        `The range includes question ${missing[0]}, which does not exist.`,
        `Het bereik bevat vraag ${missing[0]}, die niet bestaat.`,
      ) : msg(
        `The range includes questions that do not exist: ${describeNumbers(missing)}.`,
        `Het bereik bevat vragen die niet bestaan: ${describeNumbers(missing)}.`,
      )));
    }
  }
  for (const cycle of graph.unresolvedCycles()) {
    const group = new Set(cycle);
    const numbers = cycle.map((q) => q.number);
    const members = numbers.length <= 8 ? `${numbers.join(', ')}` : `${numbers.slice(0, 7).join(', ')} … ${numbers[numbers.length - 1]}`;
    for (const q of cycle) {
      const referral = graph.referralInto(q, group);
      if (!referral) continue;
      const { reference, to } = referral;
      out.push(diagnostic('reference-cycle', reference.range, msg(
        `Answers refer to each other in a circle (questions ${members}) and none of them gives an answer.`,
        `Kringverwijzing: de antwoorden op de vragen ${members} verwijzen naar elkaar en geen ervan geeft een antwoord.`,
      ), [rel(to.answerRange ?? to.heading.range, `Answer to Vraag ${to.number}, which refers on`, `Antwoord op vraag ${to.number}, dat verder verwijst`)]));
    }
  }
}

/** `1–10`, `1–3, 5, 7–9`. */
export function describeNumbers(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  return parts.join(', ');
}
