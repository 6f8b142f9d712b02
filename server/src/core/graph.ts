/**
 * The question graph: one index of question numbers and the references between them, from which the
 * checks and the editor features (definition, references, highlights, hover, rename) all answer —
 * the way texlab treats labels and references as one symbol graph.
 */
import type { KamervraagDocument, Position, Question, Range, Reference, ReferenceTarget } from './model';

/** One number inside a reference, with the reference it belongs to. */
export interface TargetUse {
  readonly reference: Reference;
  readonly target: ReferenceTarget;
}

/** What stands under a cursor: a heading's number, or a number inside a reference. */
export type QuestionSymbol =
  | { readonly kind: 'heading'; readonly number: number; readonly range: Range; readonly question: Question }
  | { readonly kind: 'reference'; readonly number: number; readonly range: Range; readonly use: TargetUse };

export function contains(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

function width(r: Range): number {
  return r.start.line === r.end.line ? r.end.character - r.start.character : Number.MAX_SAFE_INTEGER;
}

/** A document counts as answered once it has a Beantwoord line or any answer. */
export function isAnswered(doc: KamervraagDocument): boolean {
  return doc.metadata.beantwoord !== null || doc.questions.some((q) => q.hasAnswer);
}

export class QuestionGraph {
  /** The first question of each number, indexed by number (question numbers have at most nine digits). */
  private byNumber: Question[] = [];
  /** The uses of each number, made when first asked for (the checks do not need them). */
  private usesByNumber: Map<number, TargetUse[]> | undefined = undefined;
  /** True when the document has been answered (some answer, or a Beantwoord line). */
  readonly answered: boolean;

  constructor(readonly doc: KamervraagDocument) {
    // Room for every number at once when they are dense (1, 2, 3 …), instead of growing the list as it fills.
    // (Indexed loops: this runs once per check, and for-of would allocate until it is optimised.)
    const questions = doc.questions;
    let max = 0;
    for (let i = 0; i < questions.length; i++) max = Math.max(max, questions[i]!.number ?? 0);
    if (max <= 2 * questions.length + 16) this.byNumber = new Array<Question>(max + 1);
    for (let i = 0; i < questions.length; i++) {
      const q = questions[i]!;
      if (q.number !== null) this.byNumber[q.number] ??= q;
    }
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

  /** The question with this number (the first, when the number is used twice). */
  question(n: number): Question | undefined {
    return this.byNumber[n];
  }

  /** Every question with this number (more than one when duplicated). */
  questionsNumbered(n: number): Question[] {
    return this.doc.questions.filter((q) => q.number === n);
  }

  /** The question numbers in use, ascending. */
  numbers(): number[] {
    const numbers: number[] = [];
    for (const q of this.doc.questions) if (q.number !== null && this.byNumber[q.number] === q) numbers.push(q.number);
    return numbers.sort((a, b) => a - b);
  }

  /** Every use of question `n` in a reference, in document order. */
  referencesTo(n: number): readonly TargetUse[] {
    return this.uses.get(n) ?? [];
  }

  /** The question number under the cursor: a heading number, or the narrowest reference target. */
  symbolAt(p: Position): QuestionSymbol | null {
    for (const q of this.doc.questions) {
      if (q.number !== null && q.numberRange && contains(q.numberRange, p)) {
        return { kind: 'heading', number: q.number, range: q.numberRange, question: q };
      }
      if (p.line < q.range.start.line) break;
    }
    let best: QuestionSymbol | null = null;
    for (const use of this.referencesAtLine(p.line)) {
      if (!contains(use.target.range, p)) continue;
      if (!best || width(use.target.range) < width(best.range)) {
        best = { kind: 'reference', number: use.target.number, range: use.target.range, use };
      }
    }
    return best;
  }

  /** Every reference target under the cursor: all numbers of a range `1 t/m 4` when on `t/m`. */
  symbolsAt(p: Position): QuestionSymbol[] {
    const one = this.symbolAt(p);
    if (!one) return [];
    if (one.kind === 'heading' || !one.use.target.implied) return [one];
    return this.referencesAtLine(p.line)
      .filter((u) => contains(u.target.range, p))
      .map((use): QuestionSymbol => ({ kind: 'reference', number: use.target.number, range: use.target.range, use }));
  }

  private referencesAtLine(line: number): TargetUse[] {
    const out: TargetUse[] = [];
    for (const reference of this.doc.references) {
      if (reference.range.start.line !== line) continue;
      for (const target of reference.targets) out.push({ reference, target });
    }
    return out;
  }

  /**
   * The first question (not `q` itself) that the answer of `q` sends the reader to ("zie antwoord vraag 3")
   * and that `wanted` accepts, with the reference that does so; every such question when `wanted` accepts none.
   */
  private referredTo(q: Question, wanted: (to: Question) => boolean): { reference: Reference; to: Question } | undefined {
    for (const reference of q.references) {
      if (reference.inPart !== 'answer' || !reference.delegates) continue;
      for (const n of reference.numbers) {
        const to = this.byNumber[n];
        if (to && to !== q && wanted(to)) return { reference, to };
      }
    }
    return undefined;
  }

  /** True when the answer of `q` refers to a question whose answer is a real one (not a referral). */
  private refersToRealAnswer(q: Question): boolean {
    return this.referredTo(q, (to) => to.hasAnswer && !to.answerIsReferral) !== undefined;
  }

  /** Questions whose answer is a referral, each with the questions it refers to. */
  private referralEdges(): Map<Question, Question[]> {
    const edges = new Map<Question, Question[]>();
    for (const q of this.doc.questions) {
      if (!q.answerIsReferral) continue;
      const to: Question[] = [];
      this.referredTo(q, (target) => {
        to.push(target);
        return false;
      });
      edges.set(q, to);
    }
    return edges;
  }

  /**
   * Groups of questions whose answers refer to each other in a circle, with no real answer reachable
   * from any of them. Each group in document order.
   */
  unresolvedCycles(): Question[][] {
    // A referral straight to a real answer resolves; when all do, there is nothing to search.
    let pending = false;
    for (const q of this.doc.questions) {
      if (q.answerIsReferral && !this.refersToRealAnswer(q)) {
        pending = true;
        break;
      }
    }
    if (!pending) return [];
    const edges = this.referralEdges();
    if (edges.size === 0) return [];
    // A question resolves when it has a real answer, or refers to one that resolves.
    // Only the questions referred to can resolve a referral, so the search starts from those with a real answer.
    const resolved = new Set<Question>();
    const reverse = new Map<Question, Question[]>();
    const queue: Question[] = [];
    for (const [from, tos] of edges) {
      for (const to of tos) {
        let list = reverse.get(to);
        if (!list) reverse.set(to, (list = []));
        list.push(from);
        if (to.hasAnswer && !edges.has(to) && !resolved.has(to)) {
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
    // Strongly connected components of the unresolved referrals (iterative Tarjan).
    const index = new Map<Question, number>();
    const low = new Map<Question, number>();
    const onStack = new Set<Question>();
    const stack: Question[] = [];
    const groups: Question[][] = [];
    let counter = 0;
    const next = (q: Question) => (edges.get(q) ?? []).filter((t) => edges.has(t) && !resolved.has(t));
    for (const root of edges.keys()) {
      if (resolved.has(root) || index.has(root)) continue;
      const work: Array<{ q: Question; i: number; succ: Question[] }> = [];
      const visit = (q: Question) => {
        index.set(q, counter);
        low.set(q, counter);
        counter++;
        stack.push(q);
        onStack.add(q);
        work.push({ q, i: 0, succ: next(q) });
      };
      visit(root);
      while (work.length > 0) {
        const frame = work[work.length - 1]!;
        if (frame.i < frame.succ.length) {
          const w = frame.succ[frame.i++]!;
          if (!index.has(w)) visit(w);
          else if (onStack.has(w)) low.set(frame.q, Math.min(low.get(frame.q)!, index.get(w)!));
          continue;
        }
        work.pop();
        if (work.length > 0) {
          const parent = work[work.length - 1]!.q;
          low.set(parent, Math.min(low.get(parent)!, low.get(frame.q)!));
        }
        if (low.get(frame.q) === index.get(frame.q)) {
          const group: Question[] = [];
          let w: Question;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            group.push(w);
          } while (w !== frame.q);
          if (group.length > 1) groups.push(group.sort((a, b) => a.range.start.line - b.range.start.line));
        }
      }
    }
    return groups;
  }

  /** The referral in the answer of `q` that points to another question of `group`, and that question. */
  referralInto(q: Question, group: ReadonlySet<Question>): { reference: Reference; to: Question } | undefined {
    return this.referredTo(q, (to) => group.has(to));
  }
}
