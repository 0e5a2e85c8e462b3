import type { Country, RuleKind } from '../types';

export interface SkippedEntry {
  readonly file: string;
  readonly line: number;
  readonly token: string;
  readonly reason: string;
}

export interface BuiltRule {
  readonly id: string;
  readonly label: string;
  readonly kind: RuleKind;
  readonly country: Country | null;
  readonly domains: readonly string[];
}

export interface BuiltPack {
  readonly id: string;
  readonly label: string;
  readonly country: Country | null;
  readonly rules: readonly BuiltRule[];
  /** Off by default (types.ts `Pack.optIn`). */
  readonly optIn?: boolean;
}

export interface PackData {
  /** `r<rule count>-<first 10 hex of sha256 over the packs>`. */
  readonly version: string;
  readonly packs: readonly BuiltPack[];
  /** Hostnames and rows the data mentions but the packs leave out, with the reason. */
  readonly skipped: readonly SkippedEntry[];
}

export const SOURCE_FILES: readonly string[];
/** `SAFE_LOGOUT_DOMAINS_DIR` (relative to the working directory) or `<repoRoot>/data/domains`. */
export function resolveDomainsDir(
  repoRoot: string,
  env?: Readonly<Record<string, string | undefined>>,
): string;
/** File name → text of every file in SOURCE_FILES. */
export function readSources(dir: string): Record<string, string>;
/** Throws on data it cannot place (unknown kommunkod, uncatalogued row, a domain claimed by two rules). */
export function buildPackData(sources: Readonly<Record<string, string>>): PackData;
export function renderPacks(data: PackData): string;
/** The full text of utils/rules/generated/packs.ts for the TSV files in `dir`. */
export function buildPacks(dir: string): string;
