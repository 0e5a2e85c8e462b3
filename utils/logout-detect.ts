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
  /^(?:(?:ja|yes|kylla|avsluta och),? )?(?:logga ut|logg ut|logg av|logge ut|log ud|log af|kirjaudu ulos|uloskirjautuminen|log[- ]?out|log[- ]?off|sign[- ]?out|sign[- ]?off|utloggning|avsluta sessionen|utlogging)(?:$|[\s:,.!?>›»-])/;

export function isLogoutText(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = fold(text);
  return t.length <= 80 && LOGOUT_TEXT.test(t);
}

/** One path segment (without extension) or one query value that names a logout endpoint. */
const LOGOUT_WORD =
  /^(?:log[-_]?out|log[-_]?off|sign[-_]?out|sign[-_]?off|logga[-_]?ut|logg[-_]?ut|logg[-_]?av|log[-_]?ud|log[-_]?af|uloskirjaudu|uloskirjautuminen|kirjaudu[-_]?ulos|slo|single[-_]?log[-_]?out|end[-_]?session|session[-_]?end|utloggning|logouthandler)$/i;

/** WS-Federation (AD FS, common in Swedish kommuner): `?wa=wsignout1.0`, `wsignoutcleanup1.0`. */
const WS_FED_SIGNOUT = /^wsignout(?:cleanup)?1\.0$/i;

/**
 * A URL that performs a logout: `/logout`, `/Account/LogOff`, `/oversikt/logga-ut`, `/saml2/slo`,
 * `/oidc/endsession`, `/auth/logout.aspx`, `/users/sign_out`, `?action=logout`, `/adfs/ls/?wa=wsignout1.0`. Only the path and exact query keys/values
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
    if (key.toLowerCase() === 'wa' && WS_FED_SIGNOUT.test(value)) return true;
  }
  return false;
}
