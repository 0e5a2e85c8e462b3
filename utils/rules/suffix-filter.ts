/**
 * A small bit filter in front of the matcher's hash tables. The matcher hashes every label suffix of a
 * hostname in one right-to-left pass over its characters; a suffix whose bits are not set cannot be in
 * the table, so most lookups of unrelated hosts touch neither a Map nor a new string, and the cost stays
 * flat as the number of rules grows (the filter is ~16 bits per domain; a false positive only costs the
 * Map lookup it would have cost anyway).
 */

const SEED = 0x811c9dc5;
const PRIME = 0x01000193;

/** FNV-1a over the characters from last to first; `hashStep` must do the same one character at a time. */
export function suffixHash(domain: string): number {
  let h = SEED;
  for (let i = domain.length - 1; i >= 0; i--) h = Math.imul(h ^ domain.charCodeAt(i), PRIME);
  return h;
}

export const HASH_SEED = SEED;

export function hashStep(h: number, charCode: number): number {
  return Math.imul(h ^ charCode, PRIME);
}

export interface SuffixFilter {
  readonly bits: Uint32Array;
  readonly mask: number;
}

export function createSuffixFilter(domains: Iterable<string>, count: number): SuffixFilter {
  let size = 1 << 16;
  while (size < count * 16 && size < 1 << 26) size <<= 1;
  const filter = { bits: new Uint32Array(size >>> 5), mask: size - 1 };
  for (const domain of domains) {
    const h = suffixHash(domain);
    setBit(filter, h);
    setBit(filter, secondHash(h));
  }
  return filter;
}

export function mayContain(filter: SuffixFilter, h: number): boolean {
  return testBit(filter, h) && testBit(filter, secondHash(h));
}

function secondHash(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (h >>> 13);
}

function setBit(filter: SuffixFilter, h: number): void {
  const bit = h & filter.mask;
  filter.bits[bit >>> 5]! |= 1 << (bit & 31);
}

function testBit(filter: SuffixFilter, h: number): boolean {
  const bit = h & filter.mask;
  return (filter.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}
