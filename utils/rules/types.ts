/** Shapes shared by the generated rule packs, the matcher and the settings UI. */

export type Country = 'SE' | 'NO' | 'DK' | 'FI';

/** What kind of organisation or service a built-in rule stands for. */
export type RuleKind = 'kommun' | 'region' | 'agency' | 'vendor' | 'idp' | 'national';

/** A built-in rule: one organisation or service and every domain it covers. */
export interface Rule {
  /** Stable across releases: settings and reports may store it. */
  readonly id: string;
  /** Proper name, e.g. "Järfälla kommun", "Vklass", "Inloggningstjänst (CGI)". Not translated. */
  readonly label: string;
  readonly kind: RuleKind;
  /** `null` for a service of no one country (the Microsoft, Google and Visma logins). */
  readonly country: Country | null;
  /**
   * Punycode hostnames; each covers itself and all its subdomains. The primary domain comes first.
   * Never a bare public suffix.
   */
  readonly domains: readonly string[];
}

export interface Pack {
  readonly id: string;
  /** Swedish name from the data; the UI should prefer its own translation keyed by `id`. */
  readonly label: string;
  /** `null` when the pack spans several countries (the `idp` pack) or none (the `login-*` packs). */
  readonly country: Country | null;
  readonly rules: readonly Rule[];
  /** Off unless a person or IT turns it on (optInPacks): clearing it signs a person out far beyond e-services. */
  readonly optIn?: boolean;
}

export interface PackMeta {
  readonly id: string;
  readonly label: string;
  readonly country: Country | null;
  readonly ruleCount: number;
  readonly domainCount: number;
  /** Off unless a person or IT turns it on (optInPacks): clearing it signs a person out far beyond e-services. */
  readonly optIn?: boolean;
}

/**
 * The rule that covers a host, as the matcher answers it, the session groups keep it (a group's sites) and the
 * faces name it. One shape everywhere: where the rule came from is in its id (`user:<domain>`, `policy:<domain>`,
 * else a built-in id), and whether it is a login service is `isLoginService` (login-service.ts).
 */
export interface RuleMatch {
  /** Built-in rule id, or `user:<domain>` / `policy:<domain>`. */
  readonly ruleId: string;
  /** Built-in label, or the domain itself for user and policy rules. */
  readonly label: string;
  /** `'custom'` for user and policy rules. */
  readonly kind: RuleKind | 'custom';
  /** The rule domain that matched: the hostname itself or its closest listed parent (it and all its subdomains are in scope). */
  readonly scopeDomain: string;
}
