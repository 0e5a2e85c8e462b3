/**
 * How the popup names a session group: "Järfälla kommun — e-tjanster.jarfalla.se + login service".
 * Words come from the caller (typed i18n); this only decides what is shown.
 */
import type { GroupSummary } from '../messages';

export interface SessionLineText {
  loginService: string;
  loginServices: (n: number) => string;
}

export interface SessionLine {
  name: string;
  /** The e-service hosts, then the login services in words ("+ login service"). */
  where: string;
}

export function sessionLine(g: GroupSummary, text: SessionLineText): SessionLine {
  const login = new Set(g.loginHosts);
  const serviceHosts = g.hosts.filter((h) => !login.has(h));
  const parts = [...serviceHosts];
  if (login.size === 1) parts.push(text.loginService);
  else if (login.size > 1) parts.push(text.loginServices(login.size));
  return { name: g.labels.join(' + '), where: parts.join(' + ') };
}
