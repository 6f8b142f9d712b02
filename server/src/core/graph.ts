/**
 * The question graph: one index of question numbers and the references between them, from which the
 * checks and the editor features (definition, references, highlights, hover, rename) all answer —
 * the way texlab treats labels and references as one symbol graph.
 */
import type { KamervraagDocument, Question, QuestionRows, Reference, ReferenceTarget } from './model';
import { stronglyConnected } from './components';
import { isWordChar } from './chars';
import { skipSpaces } from './lines';

/** One number inside a reference, with the reference it belongs to. */
export interface TargetUse {
  readonly reference: Reference;
  readonly target: ReferenceTarget;
}

/** A reference in an answer that sends the reader to another answer ("zie antwoord vraag 3"). */
export function delegatesInAnswer(rows: QuestionRows, r: number): boolean {
  return rows.delegates(r) && rows.inPart(r) === 'answer';
}

/** At most this many letters may remain of an answer, besides its references, for it to be only a referral
 * ("Zie hiervoor het antwoord op vraag 3."). */
const REFERRAL_SLACK = 12;

/** The words that answer a question of their own, however an answer goes on. */
const YES_OR_NO = new Set(['ja', 'jawel', 'nee', 'neen']);

/** Whether `text` at `at` (after spaces) starts with "Ja", "Jawel", "Nee" or "Neen": an answer of its own. */
function saysYesOrNo(text: string, at: number): boolean {
  const i = skipSpaces(text, at);
  let j = i;
  while (j - i <= 5 && isWordChar(text.charCodeAt(j))) j++;
  return j - i >= 2 && j - i <= 5 && YES_OR_NO.has(text.slice(i, j).toLowerCase());
}
const LETTER = /\p{L}/u;

/** `letters` plus the letters of `text[from, to)`; stops counting once past REFERRAL_SLACK. */
function countLetters(text: string, from: number, to: number, letters: number): number {
  for (let i = from; i < to && letters <= REFERRAL_SLACK; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER.test(text[i]!)) letters++;
  }
  return letters;
}

/**
 * True when the answer of question `i` only sends the reader to other answers ("Zie antwoord vraag 3."):
 * it has a delegating reference, and besides its delegating references at most a few letters
 * (Question.answerIsReferral). An answer that starts with "Ja" or "Nee" answers itself ("Ja. Zie ook het
 * antwoord op vraag 2."): a question that refers to it has its answer.
 */
export function answerIsReferral(rows: QuestionRows, i: number): boolean {
  if (!rows.hasAnswer(i)) return false;
  const first = rows.firstReference(i);
  const end = rows.referencesEnd(i);
  let r = first;
  while (r < end && !delegatesInAnswer(rows, r)) r++;
  if (r === end) return false;
  const lines = rows.lines;
  const text = lines.text;
  if (saysYesOrNo(text, lines.start(rows.answerLine(i)))) return false;
  // Count the letters of the answer lines outside the delegating references, stopping at too many.
  let letters = 0;
  r = first;
  for (let line = rows.answerLine(i); line < rows.endLine(i); line++) {
    const lineStart = lines.start(line);
    let from = lineStart;
    for (; r < end && rows.referenceLine(r) <= line; r++) {
      if (rows.referenceLine(r) < line || !delegatesInAnswer(rows, r)) continue;
      letters = countLetters(text, from, lineStart + rows.referenceStart(r), letters);
      if (letters > REFERRAL_SLACK) return false;
      from = Math.max(from, lineStart + rows.referenceEnd(r));
    }
    letters = countLetters(text, from, lines.end(line), letters);
    if (letters > REFERRAL_SLACK) return false;
  }
  return true;
}

/** A document counts as answered once it has a Beantwoord line or any answer. */
export function isAnswered(doc: KamervraagDocument): boolean {
  if (doc.metadata.beantwoord !== null) return true;
  for (let i = 0; i < doc.blocks.questionCount; i++) if (doc.blocks.hasAnswer(i)) return true;
  return false;
}

export class QuestionGraph {
  private readonly blocks: QuestionRows;
  /**
   * For each number, 1 + the index of the first question with that number (0: none). Numbers have at most
   * nine digits: an array when they are dense (1, 2, 3 …), a map otherwise.
   */
  private readonly byNumber: Int32Array | Map<number, number>;
  /** The uses of each number, made when first asked for (the checks do not need them). */
  private usesByNumber: Map<number, TargetUse[]> | undefined = undefined;
  /** True when the document has been answered (some answer, or a Beantwoord line). */
  readonly answered: boolean;

  constructor(readonly doc: KamervraagDocument) {
    const blocks = (this.blocks = doc.blocks);
    const count = blocks.questionCount;
    let max = 0;
    for (let i = 0; i < count; i++) max = Math.max(max, blocks.number(i) ?? 0);
    const byNumber = max <= 2 * count + 16 ? new Int32Array(max + 1) : new Map<number, number>();
    for (let i = count - 1; i >= 0; i--) {
      const n = blocks.number(i);
      if (n === null) continue;
      if (byNumber instanceof Int32Array) byNumber[n] = i + 1;
      else byNumber.set(n, i + 1);
    }
    this.byNumber = byNumber;
    this.answered = isAnswered(doc);
  }

  private get uses(): Map<number, TargetUse[]> {
    if (!this.usesByNumber) {
      const uses = new Map<number, TargetUse[]>();
      for (const reference of this.doc.references) {
        for (const target of reference.targets) {
          let list = uses.get(target.number);
          if (!list) uses.set(target.number, (list = []));
          list.push({ reference, target });
        }
      }
      this.usesByNumber = uses;
    }
    return this.usesByNumber;
  }

  /** The index (in `doc.blocks`) of the first question with number `n`, or -1 when there is none. */
  indexOf(n: number): number {
    const byNumber = this.byNumber;
    return (byNumber instanceof Int32Array ? byNumber[n] ?? 0 : byNumber.get(n) ?? 0) - 1;
  }

  /** The question with this number (the first, when the number is used twice). */
  question(n: number): Question | undefined {
    const i = this.indexOf(n);
    return i >= 0 ? this.blocks.question(i) : undefined;
  }

  /**
   * Every question with this number (more than one when duplicated), in document order. From the first
   * one on: a mention that names thousands of numbers asks this for each (definition, highlights), and a
   * walk over every question each time made that quadratic.
   */
  questionsNumbered(n: number): Question[] {
    const first = this.indexOf(n);
    if (first < 0) return [];
    const out: Question[] = [];
    const duplicates = this.duplicated().get(n);
    for (const i of duplicates ?? [first]) out.push(this.blocks.question(i));
    return out;
  }

  /** The indices of the questions of each number that more than one question has, made when first asked for. */
  private duplicatesByNumber: Map<number, number[]> | undefined = undefined;

  private duplicated(): Map<number, number[]> {
    if (!this.duplicatesByNumber) {
      const duplicates = new Map<number, number[]>();
      for (let i = 0; i < this.blocks.questionCount; i++) {
        const n = this.blocks.number(i);
        if (n === null) continue;
        const first = this.indexOf(n);
        if (first === i) continue;
        const list = duplicates.get(n);
        if (list) list.push(i);
        else duplicates.set(n, [first, i]);
      }
      this.duplicatesByNumber = duplicates;
    }
    return this.duplicatesByNumber;
  }

  /** The question numbers in use, ascending (made once). */
  numbers(): readonly number[] {
    if (!this.numberList) {
      const numbers: number[] = [];
      for (let i = 0; i < this.blocks.questionCount; i++) {
        const n = this.blocks.number(i);
        if (n !== null && this.indexOf(n) === i) numbers.push(n);
      }
      this.numberList = numbers.sort((a, b) => a - b);
    }
    return this.numberList;
  }

  private numberList: readonly number[] | undefined = undefined;

  /** Whether a question has number `n`. */
  has(n: number): boolean {
    return this.indexOf(n) >= 0;
  }

  /** Every use of question `n` in a reference, in document order. */
  referencesTo(n: number): readonly TargetUse[] {
    return this.uses.get(n) ?? [];
  }

  /**
   * The first question (not `i` itself) that the answer of question `i` sends the reader to ("zie antwoord
   * vraag 3") and that `wanted` accepts, as `[reference, question]` (indices in `doc.blocks`); undefined
   * when `wanted` accepts none, after it has seen every such question.
   */
  private referredTo(i: number, wanted: (to: number) => boolean): [reference: number, to: number] | undefined {
    const blocks = this.blocks;
    for (let r = blocks.firstReference(i); r < blocks.referencesEnd(i); r++) {
      if (!delegatesInAnswer(blocks, r)) continue;
      for (let k = 0, count = blocks.targetCount(r); k < count; k++) {
        const to = this.indexOf(blocks.targetNumber(r, k));
        if (to >= 0 && to !== i && wanted(to)) return [r, to];
      }
    }
    return undefined;
  }

  /** True when the answer of question `i` (an index in `doc.blocks`) only sends the reader to other answers. */
  answerIsReferral(i: number): boolean {
    return answerIsReferral(this.blocks, i);
  }

  /** True when question `i` has an answer that is more than a referral. */
  private readonly hasRealAnswer = (i: number): boolean => this.blocks.hasAnswer(i) && !answerIsReferral(this.blocks, i);

  /** Questions (indices) whose answer is a referral, each with the questions it refers to. */
  private referralEdges(): Map<number, number[]> {
    const edges = new Map<number, number[]>();
    for (let i = 0; i < this.blocks.questionCount; i++) {
      if (!answerIsReferral(this.blocks, i)) continue;
      const to: number[] = [];
      this.referredTo(i, (target) => {
        to.push(target);
        return false;
      });
      edges.set(i, to);
    }
    return edges;
  }

  /**
   * Groups of questions whose answers refer to each other in a circle, with no real answer reachable
   * from any of them. Each group in document order.
   */
  unresolvedCycles(): Question[][] {
    const blocks = this.blocks;
    // A referral straight to a real answer resolves; when all do, there is nothing to search.
    let pending = false;
    for (let i = 0; i < blocks.questionCount; i++) {
      if (answerIsReferral(blocks, i) && this.referredTo(i, this.hasRealAnswer) === undefined) {
        pending = true;
        break;
      }
    }
    if (!pending) return [];
    const edges = this.referralEdges();
    if (edges.size === 0) return [];
    // A question resolves when it has a real answer, or refers to one that resolves.
    // Only the questions referred to can resolve a referral, so the search starts from those with a real answer.
    const resolved = new Set<number>();
    const reverse = new Map<number, number[]>();
    const queue: number[] = [];
    for (const [from, tos] of edges) {
      for (const to of tos) {
        let list = reverse.get(to);
        if (!list) reverse.set(to, (list = []));
        list.push(from);
        if (blocks.hasAnswer(to) && !edges.has(to) && !resolved.has(to)) {
          resolved.add(to);
          queue.push(to);
        }
      }
    }
    while (queue.length > 0) {
      const q = queue.pop()!;
      for (const from of reverse.get(q) ?? []) {
        if (!resolved.has(from)) {
          resolved.add(from);
          queue.push(from);
        }
      }
    }
    // Circles: the strongly connected components of the unresolved referrals, of more than one question.
    const next = (q: number) => (edges.get(q) ?? []).filter((t) => edges.has(t) && !resolved.has(t));
    const roots = [...edges.keys()].filter((q) => !resolved.has(q));
    // Indices are in document order.
    return stronglyConnected(roots, next).filter((g) => g.length > 1).map((g) => g.sort((a, b) => a - b).map((q) => blocks.question(q)));
  }

  /** The referral in the answer of `q` that points to another question of `group`, and that question. */
  referralInto(q: Question, group: ReadonlySet<Question>): { reference: Reference; to: Question } | undefined {
    const blocks = this.blocks;
    const i = blocks.indexOf(q);
    const found = i >= 0 ? this.referredTo(i, (to) => group.has(blocks.question(to))) : undefined;
    return found && { reference: blocks.reference(found[0]), to: blocks.question(found[1]) };
  }
}
