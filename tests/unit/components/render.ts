/**
 * A tiny static renderer for presentational components without hooks: function components are called,
 * the result is a plain tree the tests can search. (Real rendering is proven in tests/e2e/faces.test.ts.)
 */
import type { ComponentChildren, VNode } from 'preact';

export interface El {
  tag: string;
  props: Record<string, unknown>;
  children: Node[];
}
export type Node = El | string;

export function render(node: ComponentChildren): Node[] {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return [String(node)];
  if (Array.isArray(node)) return node.flatMap(render);
  const v = node as VNode<Record<string, unknown>>;
  if (typeof v.type === 'function') return render((v.type as (p: unknown) => ComponentChildren)(v.props));
  const { children, ...props } = v.props as { children?: ComponentChildren };
  return [{ tag: String(v.type), props, children: render(children) }];
}

export function all(nodes: Node[], test: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (n: Node) => {
    if (typeof n === 'string') return;
    if (test(n)) out.push(n);
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}

export const text = (n: Node | Node[]): string =>
  (Array.isArray(n) ? n : [n]).map((x) => (typeof x === 'string' ? x : text(x.children))).join('');
