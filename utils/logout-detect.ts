/**
 * Recognising a site's own logout, in the languages of our users. Pure functions: the content script uses
 * `isLogoutText` on what the person clicked; the background uses `isLogoutUrl` on navigations.
 */

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0_]+/g, ' ')
    .trim();

/** Visible text of a logout control (folded: no case, no diacritics). Extra words may follow ("Logga ut från Mina sidor"). */
const LOGOUT_TEXT =
  /^(?:logga ut|logg ut|logge ut|log ud|log af|kirjaudu ulos|uloskirjautuminen|kirjaudu ulos palvelusta|log out|logout|log off|logoff|sign out|signout|sign off|utloggning|avsluta sessionen|utlogging)(?:$|[\s:,.!-])/;

export function isLogoutText(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = fold(text);
  return t.length <= 80 && LOGOUT_TEXT.test(t);
}

/** One path segment (without extension) or one query value that names a logout endpoint. */
const LOGOUT_WORD =
  /^(?:log-?out|log-?off|sign-?out|sign-?off|logga-?ut|loggaut|logg-?ut|log-?ud|logud|uloskirjaudu|uloskirjautuminen|kirjaudu-?ulos|slo|single-?logout|singlelogout|end-?session|endsession|session-?end|utloggning|logouthandler)$/i;

/**
 * A URL that performs a logout: `/logout`, `/Account/LogOff`, `/oversikt/logga-ut`, `/saml2/slo`,
 * `/oidc/endsession`, `/auth/logout.aspx`, `?action=logout`. Only the path and exact query keys/values
 * count — a login URL that merely *mentions* a logout URL inside an encoded parameter is not a logout.
 */
export function isLogoutUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  for (const raw of u.pathname.split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      seg = raw;
    }
    seg = seg.replace(/\.(aspx?|php|jsp|do|html?|cgi|action)$/i, '').replace(/;.*$/, '');
    if (LOGOUT_WORD.test(seg)) return true;
  }
  for (const [key, value] of u.searchParams) {
    if (LOGOUT_WORD.test(key) && (value === '' || value === '1' || value === 'true')) return true;
    if (/^(?:action|cmd|op|do|task|mode)$/i.test(key) && LOGOUT_WORD.test(value)) return true;
  }
  return false;
}
