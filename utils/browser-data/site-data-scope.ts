/** What `removeSiteData` acts on, computed once before any browser call (both engines use it). */
import { normalizeOrigin, registrableDomain, siteOf } from './domains';

export interface OriginScope {
  /** Normalised `https://host[:port]`, without repeats. */
  origins: string[];
  /** Their registrable domains: cookies go for the whole of each. */
  domains: string[];
  /** Their schemeful sites: what is partitioned under them goes too. */
  sites: string[];
}

/** Throws a TypeError for anything that is not an http(s) origin. */
export function originScope(origins: readonly string[]): OriginScope {
  const wanted = [...new Set(origins.map(normalizeOrigin))];
  return {
    origins: wanted,
    domains: [...new Set(wanted.map((o) => registrableDomain(new URL(o).hostname)))],
    sites: [...new Set(wanted.map(siteOf))],
  };
}
