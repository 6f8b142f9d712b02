/**
 * The strongly connected components of a directed graph: the question graph's circles of referrals
 * (graph.ts `unresolvedCycles`), and the import circles the architecture test looks for.
 */

/**
 * Every strongly connected component of the graph reachable from `roots` along `next`, each with its nodes
 * in the order they were closed, the components in the order they were completed (Tarjan's algorithm,
 * iterative: a chain of any length costs no stack). A node with no circle through it is a component of one.
 */
export function stronglyConnected<T>(roots: Iterable<T>, next: (node: T) => readonly T[]): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const components: T[][] = [];
  const work: Array<{ node: T; i: number; succ: readonly T[] }> = [];
  const visit = (node: T) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    work.push({ node, i: 0, succ: next(node) });
  };
  for (const root of roots) {
    if (index.has(root)) continue;
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.succ.length) {
        const w = frame.succ[frame.i++]!;
        if (!index.has(w)) visit(w);
        else if (onStack.has(w)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: T[] = [];
        let w: T;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
