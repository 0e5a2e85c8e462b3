/**
 * The private section of the Public Suffix List (`github.io`, `s3.amazonaws.com`, `blob.core.windows.net`, …):
 * names under which unrelated parties each own a site. Read once from the list `tldts` carries (its suffix
 * trie), so it is exactly the list the rest of the rules use.
 */
import { edgeChild, edgeLength, edgeStart, labelText, nodeFlags, rulesRoot } from 'tldts/src/data/trie';

const PRIVATE = 2;

let cache: ReadonlySet<string> | undefined;

/** Every private-section rule, wildcards (`*.x`) read as the name they stand under (`x`). */
export function privateSuffixes(): ReadonlySet<string> {
  if (cache) return cache;
  const offsets: number[] = [];
  for (let e = 0, o = 0; e < edgeLength.length; e++) {
    offsets.push(o);
    o += edgeLength[e]!;
  }
  const out = new Set<string>();
  const walk = (node: number, labels: string[]) => {
    if (nodeFlags[node] === PRIVATE && labels.length) out.add(labels.filter((l) => l !== '*').join('.'));
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
      const label = labelText.slice(offsets[e]!, offsets[e]! + edgeLength[e]!);
      walk(edgeChild[e]!, [label, ...labels]);
    }
  };
  walk(rulesRoot, []);
  out.delete('');
  cache = out;
  return out;
}

/**
 * The private-section rule at or under `domain`, if any (`amazonaws.com` → `s3.amazonaws.com`): a custom
 * domain there would cover every stranger's site on it.
 */
export function privateSuffixWithin(domain: string): string | undefined {
  const tail = `.${domain}`;
  for (const s of privateSuffixes()) if (s === domain || s.endsWith(tail)) return s;
  return undefined;
}
