import { randomUUID } from 'node:crypto';
import type { SimContext } from './context';
import {
  escapeHtml,
  html,
  layout,
  notFound,
  redirect,
  type SimRequest,
  type SimResponse,
  scriptJson,
  setCookie,
} from './http';
import { OIDC_PATHS, type OidcProvider } from './oidc-idp';
import type { Person } from './services';
import { statePage } from './state-page';

/**
 * An e-service that logs in with OpenID Connect (#12, #14): a housing company's "Mina sidor" on no list, a school
 * platform whose login runs through the kommun's own IdP, a kommun service with every login style. Its own session
 * cookie is the only thing its logout removes (as on the real web); its page writes the person to localStorage.
 */
export interface OidcServiceProfile {
  host: string;
  title: string;
  /** Session cookie (HttpOnly, no expiry). */
  sessionCookie: string;
  /** localStorage key prefix. */
  storagePrefix: string;
  /** The IdP `/login` goes to; `?via=broker` goes to `broker` instead. */
  issuer: { host: string; provider: OidcProvider };
  broker?: { host: string; provider: OidcProvider };
}

export const OIDC_SERVICE_PATHS = {
  start: '/',
  /** `?via=broker` (through the broker), `?display=popup|newtab`. */
  login: '/login',
  /** The BankID QR code in a frame of the IdP's, on the service's own page. */
  loginQr: '/login/qr',
  callback: '/callback',
  overview: '/mina-sidor',
  logout: '/logout',
  state: '/state',
};

export function createOidcService(ctx: SimContext, o: OidcServiceProfile) {
  const sessions = new Map<string, Person>();
  const self = () => ctx.origin(o.host);
  const stateCookie = `${o.storagePrefix}_state`;
  const nonceCookie = `${o.storagePrefix}_nonce`;
  const person = (req: SimRequest) => sessions.get(req.cookies[o.sessionCookie] ?? '') ?? null;
  const transient = (name: string, value: string) =>
    setCookie(name, value, { httpOnly: true, sameSite: 'Lax', path: '/' });

  /** A new login transaction: `state` and `nonce` in cookies of the service's own, checked on return. */
  function transaction(display: string) {
    const state = randomUUID();
    const nonce = randomUUID();
    const query = new URLSearchParams({
      client_id: self(),
      redirect_uri: `${self()}${OIDC_PATHS.callback}`,
      state,
      nonce,
      display,
    });
    return { query, cookies: [transient(stateCookie, state), transient(nonceCookie, nonce)] };
  }

  const page = (title: string, attrs: Record<string, string>, body: string, headers = {}) =>
    html(layout({ title: `${title} – ${o.title}`, attrs, body }), headers);

  function start(req: SimRequest): SimResponse {
    const who = person(req);
    return page(
      'Start',
      { page: 'start', loggedInAs: who?.name ?? '' },
      `<header><strong>${escapeHtml(o.title)}</strong></header>
<main><h1>${escapeHtml(o.title)}</h1>
<p><a id="login" href="${OIDC_SERVICE_PATHS.login}">Logga in</a></p>
<p><a id="login-broker" href="${OIDC_SERVICE_PATHS.login}?via=broker">Logga in (e-legitimation via kommunens inloggningstjänst)</a></p>
<p><a id="login-qr" href="${OIDC_SERVICE_PATHS.loginQr}">Logga in med BankID på annan enhet</a></p>
<p><button id="login-popup" type="button">Logga in i nytt fönster</button></p>
<p><a id="login-newtab" href="${OIDC_SERVICE_PATHS.login}?display=newtab">Logga in (fortsätt i ny flik)</a></p>
</main>
<script>
document.getElementById('login-popup').addEventListener('click', () => {
  window.open(${scriptJson(`${OIDC_SERVICE_PATHS.login}?display=popup`)}, 'bankid', 'width=480,height=640');
});
</script>`,
    );
  }

  function qrPage(): SimResponse {
    const t = transaction('qr');
    const frame = `${ctx.origin(o.issuer.host)}${OIDC_PATHS.qr}?${t.query}`;
    return page(
      'BankID',
      { page: 'qr' },
      `<main><h1>Logga in med BankID</h1><p>Skanna QR-koden med BankID-appen.</p>
<iframe src="${escapeHtml(frame)}" title="BankID" style="height:8rem"></iframe></main>
<script>
window.addEventListener('message', (e) => {
  if (e.origin !== ${scriptJson(ctx.origin(o.issuer.host))} || !e.data || !e.data.code) return;
  location.href = ${scriptJson(OIDC_PATHS.callback)} + '?' + new URLSearchParams({ code: e.data.code, state: e.data.state });
});
</script>`,
      { 'set-cookie': t.cookies },
    );
  }

  function callback(req: SimRequest): SimResponse {
    const state = req.url.searchParams.get('state');
    if (!state || state !== req.cookies[stateCookie])
      return html(layout({ title: 'Fel', body: '<h1>Ogiltigt state</h1>' }), {}, 400);
    const via = req.url.searchParams.has('code') ? [o.issuer, o.broker] : [];
    let grant = null;
    for (const p of via) grant ??= p?.provider.exchange(req.url.searchParams.get('code') ?? '') ?? null;
    if (!grant || grant.nonce !== req.cookies[nonceCookie] || grant.clientId !== self())
      return html(layout({ title: 'Fel', body: '<h1>Ogiltig inloggning</h1>' }), {}, 400);
    const sid = randomUUID();
    sessions.set(sid, grant.person);
    const cookies = [
      setCookie(o.sessionCookie, sid, { httpOnly: true, sameSite: 'Lax' }),
      setCookie(stateCookie, '', { maxAge: 0, httpOnly: true }),
      setCookie(nonceCookie, '', { maxAge: 0, httpOnly: true }),
    ];
    if (grant.display === 'popup')
      // The pop-up's work is done: the page that opened it reloads signed in, the pop-up closes.
      return page(
        'Inloggad',
        { page: 'popup-done' },
        `<p>Du är inloggad.</p><script>if (window.opener) window.opener.location.href = ${scriptJson(OIDC_SERVICE_PATHS.overview)}; window.close();</script>`,
        { 'set-cookie': cookies },
      );
    return redirect(OIDC_SERVICE_PATHS.overview, 303, { 'set-cookie': cookies });
  }

  function overview(req: SimRequest): SimResponse {
    const who = person(req);
    if (!who) return redirect(OIDC_SERVICE_PATHS.start);
    return page(
      'Mina sidor',
      { page: 'overview', loggedInAs: who.name },
      `<header><strong>${escapeHtml(o.title)}</strong> <span>${escapeHtml(who.name)}</span>
<a href="${OIDC_SERVICE_PATHS.logout}">Logga ut</a></header>
<main><h1>Mina sidor</h1><p>Inloggad som ${escapeHtml(who.name)} (${escapeHtml(who.personnummer)}).</p></main>
<script>
localStorage.setItem(${scriptJson(`${o.storagePrefix}.person`)}, ${scriptJson(JSON.stringify(who))});
document.body.dataset.storageReady = '1';
</script>`,
    );
  }

  return function handleOidcService(req: SimRequest): SimResponse {
    const path = req.url.pathname;
    if (path === OIDC_SERVICE_PATHS.start) return start(req);
    if (path === OIDC_SERVICE_PATHS.login) {
      if (person(req)) return redirect(OIDC_SERVICE_PATHS.overview);
      const broker = req.url.searchParams.get('via') === 'broker' && o.broker;
      const to = broker || o.issuer;
      const t = transaction(req.url.searchParams.get('display') ?? 'page');
      return redirect(`${ctx.origin(to.host)}${OIDC_PATHS.authorize}?${t.query}`, 302, {
        'set-cookie': t.cookies,
      });
    }
    if (path === OIDC_SERVICE_PATHS.loginQr) return qrPage();
    if (path === OIDC_PATHS.callback) return callback(req);
    if (path === OIDC_SERVICE_PATHS.overview) return overview(req);
    if (path === OIDC_SERVICE_PATHS.logout) {
      // The site's own logout: its session cookie only (the IdP's SSO and the page's storage stay).
      sessions.delete(req.cookies[o.sessionCookie] ?? '');
      return page(
        'Utloggad',
        { page: 'logged-out' },
        `<main><h1>Du är utloggad</h1><p><a href="${OIDC_SERVICE_PATHS.start}">Till startsidan</a></p></main>`,
        { 'set-cookie': [setCookie(o.sessionCookie, '', { maxAge: 0, httpOnly: true })] },
      );
    }
    if (path === OIDC_SERVICE_PATHS.state) {
      const who = person(req);
      return statePage(o.title, { loggedInAs: who?.name ?? '' }, who ? 'Inloggad.' : 'Inte inloggad.');
    }
    return notFound();
  };
}
