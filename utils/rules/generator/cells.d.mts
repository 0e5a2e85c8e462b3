export interface Candidate {
  readonly host: string;
  /** The cell narrows the host by a path, query or parenthesised parameter: a shared host. */
  readonly qualified: boolean;
}

export interface Skipped {
  readonly token: string;
  readonly reason: string;
  /** The valid hostname of a token left out only because the data marks it unverified. */
  readonly host?: string;
}

export const UNVERIFIED: string;

/** Valid hostnames of a free-text data cell, and the host-like tokens it left out with the reason. */
export function extractHosts(cell: string): { hosts: Candidate[]; skipped: Skipped[] };

export function checkHostname(
  host: string,
): { ok: true; host: string; subdomain: string } | { ok: false; reason: string };

export function isWithin(host: string, parent: string): boolean;
