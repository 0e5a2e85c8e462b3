/**
 * The logout health report (issue #14): per e-service, how often its own logout left the person signed in at
 * its login service. Counts and rule labels only: never a person, a URL, a time or the host of an unlisted site.
 */

/** What one site logout left at the login service, seen after the logout page loaded and before the purge. */
export type LogoutOutcome = 'left-signed-in' | 'ended';

export interface ServiceHealth {
  /** Logouts after which a login-service session cookie of the login was still there, unchanged. */
  leftSignedIn: number;
  /** Logouts after which every such cookie was gone or changed: the logout ended the login service's session. */
  ended: number;
  /** Labels of the listed login services (rule kind `idp`) its logins went through; unlisted ones are not named. */
  loginServices: string[];
}

/** Stored in `local:health-report`: keyed by the rule's label ("Vklass", "Järfälla kommun"). */
export interface HealthReport {
  services: Record<string, ServiceHealth>;
}

export const emptyHealthReport = (): HealthReport => ({ services: {} });

/**
 * What Safe Logout saw of logins, in storage.session only (never on disk): fingerprints of login-service cookies
 * (a hash of identity and value: the value itself is never kept).
 */
export interface LoginsSeen {
  /**
   * Per tab (by id), while it is off the e-services (on a login trip): per host, its session marks at the tab's
   * first commit there. Goes when the tab commits on an e-service again.
   */
  trips: Record<string, Record<string, string[]>>;
  /** Per group: the session marks its logins brought (there on return, not at the trip's first sight). */
  signedIn: Record<string, string[]>;
}

export const emptyLoginsSeen = (): LoginsSeen => ({ trips: {}, signedIn: {} });
