/**
 * IT policy (managed storage) after validation: only keys with valid values are present. The raw values come
 * from `storage.managed` — Chrome/Edge: the 3rdparty policy checked against public/managed_schema.json;
 * Firefox: policies.json → 3rdparty.Extensions, unchecked — and go through parsePolicy() first.
 */
export interface ManagedSettings {
  /** Shared-computer mode: idle logout, downloads and history cleared, password saving off — unless a key says otherwise. */
  sharedComputer?: boolean;
  /** Added to the built-in recognition (validated, deduplicated, sorted). */
  protectedDomains?: string[];
  /** Taken out of the built-in recognition (validated, deduplicated, sorted). */
  excludedDomains?: string[];
  /** Seconds without input before the "Are you still there?" countdown; 0 = off, else 15–86400. */
  idleTimeoutSeconds?: number;
  /** Grace after a group's last tab closes (0–60 s). */
  purgeOnTabCloseSeconds?: number;
  clearDownloads?: boolean;
  clearHistory?: boolean;
  /** Form suggestions of every site since the earliest login (at most 3 hours back) go at every purge. */
  clearFormData?: boolean;
  /** The browser does not offer to save passwords (Chrome: and autofill is off) while this is on. */
  disablePasswordSaving?: boolean;
  /** The options page shows the settings but nothing can be changed there. */
  lockSettings?: boolean;
  /** An http(s) URL: where a window goes when a purge closes its last tab. */
  startPage?: string;
  /**
   * The opt-in login packs in force (ids of packs with `optIn`, e.g. `login-microsoft`): exactly these, the
   * person's own choice no longer counts. Unknown ids are ignored with a notice.
   */
  optInPacks?: string[];
  /** The logout health report (default on): false stops its observing and hides it. */
  healthReport?: boolean;
}

export type PolicyKey = keyof ManagedSettings;

export type PolicyNoticeCode =
  /** The whole managed value is not an object: nothing of it is used. */
  | 'not-an-object'
  /** A key Safe Logout does not know (a typo?): ignored. */
  | 'unknown-key'
  /** The value has the wrong type (`detail`: the type expected): ignored, the default stays. */
  | 'wrong-type'
  /** A number below what the key allows (`detail`: the value): ignored, the default stays. */
  | 'out-of-range'
  /** A number outside what the key allows, moved to the nearest allowed value (`detail`: `given→used`). */
  | 'clamped'
  /** One entry of a domain list is not a usable domain (`detail`: the entry and why): that entry is ignored. */
  | 'invalid-domain'
  /** Not an http(s) URL (`detail`: the value): ignored. */
  | 'invalid-url'
  /** One entry of a pack list is not the id of an opt-in pack (`detail`: the entry): that entry is ignored. */
  | 'unknown-pack';

/** Machine codes only; the options page words them. Never carries anything but the admin's own values. */
export interface PolicyNotice {
  key: string;
  code: PolicyNoticeCode;
  detail?: string;
}

export interface ParsedPolicy {
  managed: ManagedSettings;
  notices: PolicyNotice[];
}
