/**
 * How the popup names a session group: "Järfälla kommun — e-tjanster.jarfalla.se + login service", and, when
 * the same site is also signed in elsewhere, tells the sessions apart by their cookie store: "Järfälla kommun —
 * private window — …".
 * Words come from the caller (typed i18n); this only decides what is shown.
 */
import type { GroupSummary } from '../messages';

export interface SessionLineText {
  loginService: string;
  loginServices: (n: number) => string;
  /** A site on no list named with the login service it signed in through: "mina.example.se, signed in through GrandID". */
  signedInThrough: (host: string, service: string) => string;
  /** The tag of a session in another cookie store than the normal window's: "private window", "container". */
  privateWindow: string;
  container: string;
}

export interface SessionLine {
  name: string;
  /** The e-service hosts, then the login services in words ("+ login service"). */
  where: string;
  /** The session's cookie store when it is not the normal window's ("private window", "container"); absent otherwise. */
  store?: string;
}

export function sessionLine(g: GroupSummary, text: SessionLineText): SessionLine {
  const login = new Set(g.loginHosts);
  const serviceHosts = g.hosts.filter((h) => !login.has(h));
  const parts = [...serviceHosts];
  if (login.size === 1) parts.push(text.loginService);
  else if (login.size > 1) parts.push(text.loginServices(login.size));
  const name = g.labels.map((l) => {
    const via = g.signedInThrough?.[l];
    return via ? text.signedInThrough(l, via) : l;
  });
  const store =
    g.store === 'private' ? text.privateWindow : g.store === 'container' ? text.container : undefined;
  return { name: name.join(' + '), where: parts.join(' + '), ...(store ? { store } : {}) };
}
