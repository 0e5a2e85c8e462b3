import { randomUUID } from 'node:crypto';
import { API_PATHS, apiToken } from './api';
import { writeStorageScript } from './client-scripts';
import type { SimContext } from './context';
import type { ServiceKey } from './hosts';
import {
  escapeHtml,
  html,
  layout,
  notFound,
  redirect,
  type SimRequest,
  type SimResponse,
  setCookie,
} from './http';
import { IDP_PATHS } from './idp';
import { tinyPdf } from './pdf';
import { decodeResponse, encodeAuthnRequest } from './saml';
import { type Person, SERVICES, type ServiceProfile } from './services';
import { statePage } from './state-page';

const YEAR = 365 * 24 * 3600;

/** "Mina sidor" opens the platform API's session and fetches the profile from it (cross-site, with credentials). */
const apiProfileScript = (api: string, token: string) => `<script>
(async () => {
  await fetch('${api}${API_PATHS.session}?t=${token}', { method: 'POST', credentials: 'include' });
  const profile = await (await fetch('${api}${API_PATHS.profile}', { credentials: 'include' })).json();
  document.querySelector('[data-field="api-profile"]').textContent = profile.namn ?? '';
  document.body.dataset.apiAs = profile.namn ?? '';
})();
</script>`;

/**
 * A design-system account menu: a web component whose shadow root holds an icon-only "Logga ut" button (its
 * text is blank; only its label says it). It ends the session with `fetch` and redraws the page in place.
 */
const ACCOUNT_MENU = `<script>
customElements.get('sim-konto') || customElements.define('sim-konto', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<button type="button" aria-label="Logga ut från Mina sidor"> <svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" fill="currentColor"></circle></svg> </button>';
    root.querySelector('button').addEventListener('click', async () => {
      await fetch(this.dataset.api, { method: 'DELETE', credentials: 'same-origin' });
      document.body.dataset.loggedInAs = '';
      document.body.dataset.page = 'logged-out';
      document.querySelector('main').innerHTML = '<h1>Du är utloggad</h1>';
    });
  }
});
</script>`;

/** Where a fixed logout comes back to from the IdP's logout. */
const LOGGED_OUT_PATH = '/utloggad';

/**
 * One e-service (SAML service provider) with the 2019 bug: "Logga ut" drops only its own session
 * cookie. The IdP's SSO, the site storage and the HTTP cache stay behind. With `fixedLogout` its logout also
 * ends the IdP's session (a front-channel logout through the IdP); the site storage and HTTP cache still stay.
 */
export function createEService(ctx: SimContext, key: ServiceKey, o: { fixedLogout?: boolean } = {}) {
  const svc: ServiceProfile = SERVICES[key];
  const p = svc.paths;
  const sessions = new Map<string, Person>();
  const origin = () => ctx.origin(ctx.hosts[key]);

  const sessionPerson = (req: SimRequest) => {
    const sid = req.cookies[svc.sessionCookie];
    return (sid && sessions.get(sid)) || null;
  };

  function toIdp(relayState: string): SimResponse {
    const q = new URLSearchParams({
      SAMLRequest: encodeAuthnRequest(origin(), origin() + p.acs),
      RelayState: relayState,
    });
    return redirect(`${ctx.origin(ctx.hosts.idp)}${IDP_PATHS.sso}?${q}`);
  }

  /** Only same-origin paths as RelayState: no open redirect. */
  const safeRelay = (s: string | null) => (s?.startsWith('/') && !s.startsWith('//') ? s : p.overview);

  function header(person: Person | null): string {
    const right = person
      ? `<span>Inloggad som <strong>${escapeHtml(person.name)}</strong></span>
<span><a href="${p.logoutLink}">Logga ut</a>
<form method="post" action="${p.logoutForm}"><button type="submit">Logga ut</button></form>
<sim-konto data-api="${p.sessionApi}"></sim-konto></span>${ACCOUNT_MENU}`
      : `<a href="${p.login}">Logga in</a>`;
    return `<header><a href="${p.start}"><strong>${escapeHtml(svc.title)}</strong></a>${right}</header>`;
  }

  const pageAttrs = (page: string, person: Person | null) => ({
    page,
    service: key,
    loggedInAs: person?.name ?? '',
    personnummer: person?.personnummer ?? '',
  });

  function start(req: SimRequest): SimResponse {
    const person = sessionPerson(req);
    return html(
      layout({
        title: svc.title,
        attrs: pageAttrs('start', person),
        body: `${header(person)}
<main>
<h1>Välkommen till ${escapeHtml(svc.shortName)}</h1>
<p>Här kan du söka, följa och komplettera dina ärenden dygnet runt. Logga in med BankID för att se dina sidor.</p>
<p><a href="${person ? p.overview : p.login}">${person ? 'Gå till Mina sidor' : 'Logga in med BankID'}</a></p>
<h2>Nyheter</h2>
<p>Ansökan om förskoleplats görs senast fyra månader innan du behöver platsen.</p>
</main>`,
      }),
    );
  }

  function overview(person: Person): SimResponse {
    const records = svc.cases.map((c) => ({ ...c, namn: person.name, personnummer: person.personnummer }));
    const rows = svc.cases
      .map((c) => `<tr><td>${c.id}</td><td>${escapeHtml(c.title)}</td><td>${escapeHtml(c.status)}</td></tr>`)
      .join('\n');
    const idpWidget = `${ctx.origin(ctx.hosts.idp)}${IDP_PATHS.widget}`;
    const storage = writeStorageScript({
      prefix: svc.storagePrefix,
      cachePath: '/api/profil',
      profile: {
        namn: person.name,
        personnummer: person.personnummer,
        ...(svc.income && { inkomst: svc.income }),
      },
      pending: { namn: person.name, arende: svc.cases[0]?.title ?? '' },
      records,
    });
    return html(
      layout({
        title: `Mina sidor – ${svc.title}`,
        attrs: pageAttrs('overview', person),
        body: `${header(person)}
<main>
<h1>${escapeHtml(svc.headings.overview)}</h1>
<table>
<tr><th>Namn</th><td data-field="name">${escapeHtml(person.name)}</td></tr>
<tr><th>Personnummer</th><td data-field="personnummer">${escapeHtml(person.personnummer)}</td></tr>
${svc.income ? `<tr><th>Inkomst</th><td data-field="income">${escapeHtml(svc.income)}</td></tr>` : ''}
</table>
<h2>${escapeHtml(svc.headings.cases)}</h2>
<table><tr><th>Ärende</th><th>Rubrik</th><th>Status</th></tr>
${rows}
</table>
<p><a href="${p.receipt}">Visa kvitto</a> · <a href="${p.pdf}">Ladda ner beslut (PDF)</a></p>
<iframe title="Inloggningsstatus" src="${idpWidget}"></iframe>
<p>Tips: läs om förskolorna i <a href="${ctx.origin(ctx.hosts.newspaper)}/">Lokaltidningen</a>.</p>
<p>Din profil hos e-tjänsteplattformen: <span data-field="api-profile"></span></p>
</main>
${storage}
${apiProfileScript(ctx.origin(ctx.hosts.api), apiToken(person))}`,
      }),
    );
  }

  function receipt(person: Person | null): SimResponse {
    if (!person) {
      return html(
        layout({
          title: `Kvitto – ${svc.title}`,
          attrs: pageAttrs('receipt-login-needed', null),
          body: `${header(null)}<main><h1>Kvitto</h1><p>Du behöver logga in för att se dina kvitton.</p></main>`,
        }),
      );
    }
    const c = svc.cases[0];
    return html(
      layout({
        title: `Kvitto – ${svc.title}`,
        attrs: pageAttrs('receipt', person),
        body: `${header(person)}
<main>
<h1>Kvitto på inskickat ärende</h1>
<p>Ärende ${c?.id ?? ''}: ${escapeHtml(c?.title ?? '')}</p>
<p>Sökande: <strong data-field="name">${escapeHtml(person.name)}</strong>, ${escapeHtml(person.personnummer)}</p>
${svc.income ? `<p>Uppgiven inkomst: ${escapeHtml(svc.income)}</p>` : ''}
</main>`,
      }),
      // The mistake this page makes on purpose: it may be served from the HTTP cache for an hour.
      { 'cache-control': 'private, max-age=3600' },
    );
  }

  function pdf(person: Person): SimResponse {
    const c = svc.cases[0];
    return {
      status: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="beslut-${c?.id ?? 'arende'}.pdf"`,
        'cache-control': 'no-store',
      },
      body: tinyPdf([
        `${svc.title}: beslut`,
        `${c?.title ?? ''} (${c?.id ?? ''})`,
        `Sökande: ${person.name}, ${person.personnummer}`,
        'Beslut: bifall.',
      ]),
    };
  }

  function acs(req: SimRequest): SimResponse {
    const a = decodeResponse(req.form.get('SAMLResponse') ?? '');
    if (!a || a.destination !== origin() + p.acs || a.audience !== origin()) {
      return html(
        layout({ title: 'Inloggningen misslyckades', body: '<h1>Inloggningen misslyckades</h1>' }),
        {},
        400,
      );
    }
    const sid = randomUUID().replaceAll('-', '').toUpperCase();
    sessions.set(sid, a.person);
    ctx.record({ type: 'service-login', service: key, person: a.person, at: Date.now() });
    const prefs = encodeURIComponent(`senaste=${a.person.name}&sprak=sv`);
    return redirect(safeRelay(req.form.get('RelayState')), 303, {
      'set-cookie': [
        setCookie(svc.sessionCookie, sid, { httpOnly: true }),
        setCookie(svc.prefsCookie, prefs, { maxAge: YEAR }),
      ],
    });
  }

  /** The 2019 bug: only the service's own session ends. Nothing tells the IdP; nothing is cleared. */
  function endSession(req: SimRequest, how: 'link' | 'form' | 'script'): void {
    const sid = req.cookies[svc.sessionCookie];
    const person = sessionPerson(req);
    if (sid) sessions.delete(sid);
    ctx.record({ type: 'service-logout', service: key, how, person, at: Date.now() });
  }

  const dropSessionCookie = () => setCookie(svc.sessionCookie, '', { httpOnly: true, maxAge: 0 });

  function logout(req: SimRequest, how: 'link' | 'form'): SimResponse {
    endSession(req, how);
    if (o.fixedLogout) {
      const back = new URLSearchParams({ return: origin() + LOGGED_OUT_PATH });
      return redirect(`${ctx.origin(ctx.hosts.idp)}${IDP_PATHS.logout}?${back}`, 303, {
        'set-cookie': [dropSessionCookie()],
      });
    }
    return loggedOut({ 'set-cookie': [dropSessionCookie()] });
  }

  function loggedOut(headers: Record<string, string[]> = {}): SimResponse {
    return html(
      layout({
        title: `Utloggad – ${svc.title}`,
        attrs: { ...pageAttrs('logged-out', null), loggedOut: '1' },
        body: `${header(null)}
<main>
<h1>Du är utloggad</h1>
<p>Du är nu utloggad från ${escapeHtml(svc.shortName)}. Tack för ditt besök!</p>
<p><a href="${p.start}">Till startsidan</a></p>
</main>`,
      }),
      headers,
    );
  }

  /** The account menu's logout: a `DELETE` from script; the page redraws itself (no page loads). */
  function scriptLogout(req: SimRequest): SimResponse {
    endSession(req, 'script');
    return {
      status: 204,
      headers: { 'cache-control': 'no-store', 'set-cookie': [dropSessionCookie()] },
      body: '',
    };
  }

  return function handleEService(req: SimRequest): SimResponse {
    const path = req.url.pathname;
    const person = sessionPerson(req);
    const get = req.method === 'GET';
    if (get && path === p.start) return start(req);
    if (get && path === p.login) {
      return person
        ? redirect(safeRelay(req.url.searchParams.get('next')))
        : toIdp(safeRelay(req.url.searchParams.get('next')));
    }
    if (req.method === 'POST' && path === p.acs) return acs(req);
    if (get && path === p.overview) return person ? overview(person) : toIdp(p.overview);
    if (get && path === p.receipt) return receipt(person);
    if (get && path === p.pdf) return person ? pdf(person) : toIdp(p.overview);
    if (get && path === p.logoutLink) return logout(req, 'link');
    if (req.method === 'POST' && path === p.logoutForm) return logout(req, 'form');
    if (get && path === LOGGED_OUT_PATH && o.fixedLogout) return loggedOut();
    if (req.method === 'DELETE' && path === p.sessionApi) return scriptLogout(req);
    if (get && path === p.state) {
      return statePage(
        svc.shortName,
        { service: key, sessionAs: person?.name ?? '', cookiesSeen: Object.keys(req.cookies).join(' ') },
        person
          ? `Servern har en inloggning för ${escapeHtml(person.name)}.`
          : 'Servern har ingen inloggning för den här webbläsaren.',
      );
    }
    return notFound();
  };
}
