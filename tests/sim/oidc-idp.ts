import { randomUUID } from 'node:crypto';
import type { SimContext } from './context';
import {
  escapeHtml,
  html,
  json,
  layout,
  notFound,
  redirect,
  type SimRequest,
  type SimResponse,
  setCookie,
} from './http';
import { SSO_SECONDS } from './idp';
import type { Person } from './services';
import { statePage } from './state-page';

/**
 * OpenID Connect in the sim (#14): an IdP with BankID (a GrandID-like login service, a kommun's own ADFS) and a
 * broker in front of one (service → broker → IdP → broker → service). Authorization-code flow with `state` and
 * `nonce`; the code is exchanged in process (the back channel a real client calls server to server).
 */

/** What a code stands for, once: who logged in, the client's nonce, how the login was shown. */
export interface CodeGrant {
  person: Person;
  nonce: string;
  clientId: string;
  display: string;
}

/** An OIDC provider of the sim: its request handler, the back channel, and the person's BankID app (QR logins). */
export interface OidcProvider {
  handle(req: SimRequest): SimResponse;
  /** The token endpoint, in process: a code is good once. */
  exchange(code: string): CodeGrant | null;
  /** The person scans the QR code with the BankID app: every pending QR order completes as `person`. */
  scan(person: Person): void;
}

export const OIDC_PATHS = {
  authorize: '/authorize',
  bankid: '/bankid',
  callback: '/callback',
  qr: '/qr',
  collect: '/qr/collect',
  state: '/state',
};

interface AuthRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  nonce: string;
  display: string;
}

function authRequest(p: URLSearchParams): AuthRequest | null {
  const r = {
    clientId: p.get('client_id') ?? '',
    redirectUri: p.get('redirect_uri') ?? '',
    state: p.get('state') ?? '',
    nonce: p.get('nonce') ?? '',
    display: p.get('display') ?? 'page',
  };
  // Only redirect URIs on the client's own origin are answered (as a registered client's are).
  const ok = r.clientId && r.state && r.nonce && r.redirectUri.startsWith(`${r.clientId}/`);
  return ok ? r : null;
}

const badRequest = (why: string) =>
  html(
    layout({ title: 'Felaktig begäran', body: `<h1>Felaktig begäran</h1><p>${escapeHtml(why)}</p>` }),
    {},
    400,
  );

/** Codes, one use each. */
function codeBook() {
  const codes = new Map<string, CodeGrant>();
  return {
    issue(grant: CodeGrant): string {
      const code = randomUUID();
      codes.set(code, grant);
      return code;
    },
    exchange(code: string): CodeGrant | null {
      const g = codes.get(code);
      codes.delete(code);
      return g ?? null;
    },
  };
}

/** Persistent single sign-on: cookie → person, for `SSO_SECONDS`. */
function ssoBook(cookieName: string) {
  const sessions = new Map<string, { person: Person; expiresAt: number }>();
  return {
    person(req: SimRequest): Person | null {
      const s = sessions.get(req.cookies[cookieName] ?? '');
      return s && s.expiresAt > Date.now() ? s.person : null;
    },
    start(person: Person): string {
      const token = randomUUID();
      sessions.set(token, { person, expiresAt: Date.now() + SSO_SECONDS * 1000 });
      return setCookie(cookieName, token, { maxAge: SSO_SECONDS, httpOnly: true, sameSite: 'None' });
    },
  };
}

const back = (r: AuthRequest, code: string, headers: Record<string, string[]> = {}) =>
  redirect(`${r.redirectUri}?${new URLSearchParams({ code, state: r.state })}`, 303, headers);

/** An IdP with BankID: login page (or a QR code in a frame), SSO, codes back to the client's redirect URI. */
export function createOidcIdp(
  ctx: SimContext,
  o: { host: string; name: string; ssoCookie: string },
): OidcProvider {
  const codes = codeBook();
  const sso = ssoBook(o.ssoCookie);
  const orders = new Map<string, { r: AuthRequest; person?: Person }>();

  function loginPage(r: AuthRequest): SimResponse {
    const fields = Object.entries({
      client_id: r.clientId,
      redirect_uri: r.redirectUri,
      state: r.state,
      nonce: r.nonce,
      display: r.display,
    })
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`)
      .join('\n');
    // "Finish in a new tab": the IdP's own form opens the way back in a tab of its own.
    const target = r.display === 'newtab' ? ' target="_blank"' : '';
    return html(
      layout({
        title: `Logga in – ${o.name}`,
        attrs: { page: 'idp-login', display: r.display },
        body: `<header><strong>${escapeHtml(o.name)}</strong></header>
<main><h1>Logga in med BankID</h1>
<form method="post" action="${OIDC_PATHS.bankid}"${target}>
${fields}
<p><label for="name">Namn</label><br><input id="name" name="name" required></p>
<p><label for="personnummer">Personnummer</label><br><input id="personnummer" name="personnummer" required></p>
<p><button class="bankid" type="submit">Logga in med BankID</button></p>
</form></main>`,
      }),
    );
  }

  /** The QR frame: it polls the order's status and tells the page that embeds it when the app has signed. */
  function qrFrame(r: AuthRequest): SimResponse {
    const order = randomUUID();
    orders.set(order, { r });
    return html(
      layout({
        title: `${o.name} – BankID`,
        attrs: { page: 'idp-qr', order },
        body: `<p>Starta BankID-appen och skanna QR-koden.</p>
<script>
const poll = async () => {
  const res = await (await fetch(${JSON.stringify(`${OIDC_PATHS.collect}?order=${order}`)})).json();
  if (res.status === 'complete') parent.postMessage({ code: res.code, state: res.state }, ${JSON.stringify(r.clientId)});
  else setTimeout(poll, 250);
};
poll();
</script>`,
      }),
    );
  }

  function collect(req: SimRequest): SimResponse {
    const entry = orders.get(req.url.searchParams.get('order') ?? '');
    if (!entry) return json({ status: 'failed' });
    if (!entry.person) return json({ status: 'pending' });
    orders.delete(req.url.searchParams.get('order') ?? '');
    const { r, person } = entry;
    const code = codes.issue({ person, nonce: r.nonce, clientId: r.clientId, display: r.display });
    ctx.record({ type: 'bankid-login', person, at: Date.now() });
    return json({ status: 'complete', code, state: r.state }, { 'set-cookie': [sso.start(person)] });
  }

  function handle(req: SimRequest): SimResponse {
    const path = req.url.pathname;
    if (path === OIDC_PATHS.authorize || path === OIDC_PATHS.qr) {
      const r = authRequest(req.url.searchParams);
      if (!r) return badRequest('Okänd klient eller adress.');
      const person = sso.person(req);
      if (person && path === OIDC_PATHS.authorize) {
        ctx.record({ type: 'sso-reuse', person, sp: r.clientId, at: Date.now() });
        return back(r, codes.issue({ person, nonce: r.nonce, clientId: r.clientId, display: r.display }));
      }
      return path === OIDC_PATHS.qr ? qrFrame(r) : loginPage(r);
    }
    if (path === OIDC_PATHS.bankid && req.method === 'POST') {
      const r = authRequest(req.form);
      if (!r) return badRequest('Okänd klient eller adress.');
      const name = (req.form.get('name') ?? '').trim();
      const personnummer = (req.form.get('personnummer') ?? '').trim();
      if (!name || !personnummer) return loginPage(r);
      const person = { name, personnummer };
      ctx.record({ type: 'bankid-login', person, at: Date.now() });
      const code = codes.issue({ person, nonce: r.nonce, clientId: r.clientId, display: r.display });
      return back(r, code, { 'set-cookie': [sso.start(person)] });
    }
    if (path === OIDC_PATHS.collect) return collect(req);
    if (path === OIDC_PATHS.state) {
      const person = sso.person(req);
      return statePage(
        o.name,
        { ssoAs: person?.name ?? '' },
        person ? 'Inloggad (SSO).' : 'Ingen inloggning.',
      );
    }
    return notFound();
  }

  return {
    handle,
    exchange: (code) => codes.exchange(code),
    scan(person) {
      for (const entry of orders.values()) entry.person ??= person;
    },
  };
}

/**
 * A login broker on no list in front of an IdP: the client's request is kept in a transaction, the broker's own
 * `state` and `nonce` go into cookies, the IdP answers the broker, the broker checks both cookies and answers the
 * client with a code of its own. Its own SSO cookie spares the next login the trip to the IdP.
 */
export function createOidcBroker(
  ctx: SimContext,
  o: { host: string; name: string; upstream: { host: string; provider: OidcProvider } },
): OidcProvider {
  const codes = codeBook();
  const sso = ssoBook('kb_sso');
  const txns = new Map<string, AuthRequest>();
  const self = () => ctx.origin(o.host);

  function handle(req: SimRequest): SimResponse {
    const path = req.url.pathname;
    if (path === OIDC_PATHS.authorize) {
      const r = authRequest(req.url.searchParams);
      if (!r) return badRequest('Okänd klient eller adress.');
      const person = sso.person(req);
      if (person)
        return back(r, codes.issue({ person, nonce: r.nonce, clientId: r.clientId, display: r.display }));
      const txn = randomUUID();
      txns.set(txn, r);
      const state = randomUUID();
      const nonce = randomUUID();
      const cookie = (name: string, value: string) =>
        setCookie(name, value, { httpOnly: true, sameSite: 'Lax', path: '/' });
      const upstream = `${ctx.origin(o.upstream.host)}${OIDC_PATHS.authorize}?${new URLSearchParams({
        client_id: self(),
        redirect_uri: `${self()}${OIDC_PATHS.callback}`,
        state,
        nonce,
        display: r.display,
      })}`;
      return redirect(upstream, 302, {
        'set-cookie': [cookie('kb_txn', txn), cookie('kb_state', state), cookie('kb_nonce', nonce)],
      });
    }
    if (path === OIDC_PATHS.callback) {
      const r = txns.get(req.cookies.kb_txn ?? '');
      if (!r) return badRequest('Ingen pågående inloggning.');
      if (req.url.searchParams.get('state') !== req.cookies.kb_state) return badRequest('Ogiltigt state.');
      const grant = o.upstream.provider.exchange(req.url.searchParams.get('code') ?? '');
      if (!grant || grant.nonce !== req.cookies.kb_nonce) return badRequest('Ogiltigt nonce.');
      txns.delete(req.cookies.kb_txn ?? '');
      const gone = (name: string) => setCookie(name, '', { maxAge: 0, httpOnly: true });
      const code = codes.issue({
        person: grant.person,
        nonce: r.nonce,
        clientId: r.clientId,
        display: r.display,
      });
      return back(r, code, {
        'set-cookie': [sso.start(grant.person), gone('kb_txn'), gone('kb_state'), gone('kb_nonce')],
      });
    }
    if (path === OIDC_PATHS.state) {
      const person = sso.person(req);
      return statePage(
        o.name,
        { ssoAs: person?.name ?? '' },
        person ? 'Inloggad (SSO).' : 'Ingen inloggning.',
      );
    }
    return notFound();
  }

  return { handle, exchange: (code) => codes.exchange(code), scan: () => {} };
}
