import { randomUUID } from 'node:crypto';
import type { SimContext } from './context';
import { SERVICE_KEYS, type ServiceKey } from './hosts';
import {
  autoPostForm,
  escapeHtml,
  html,
  layout,
  notFound,
  redirect,
  type SimRequest,
  type SimResponse,
  setCookie,
} from './http';
import { type AuthnRequest, decodeAuthnRequest, encodeResponse } from './saml';
import { type Person, SERVICES } from './services';
import { statePage } from './state-page';

/** Cookie names the IdP sets (the harness reads them from here). */
export const IDP_COOKIES = {
  /** Persistent 20-minute SSO cookie: `Secure; HttpOnly; SameSite=None`. */
  sso: 'eidbrygga_sso',
  /** Set by the status widget embedded in e-service pages: `Partitioned` (CHIPS). */
  widget: 'eidbrygga_widget',
} as const;

export const SSO_SECONDS = 20 * 60;
export const IDP_PATHS = {
  start: '/',
  sso: '/saml/sso',
  bankid: '/saml/bankid',
  widget: '/widget/status',
  state: '/state',
  /** Front-channel logout: `?return=<URL on a registered service>`; ends the SSO and sends the person back. */
  logout: '/saml/logout',
};

const IDP_NAME = 'eID-bryggan';

/** The BankID broker: login page, 20-minute SSO, SAML HTTP-POST back to the e-service's ACS. */
export function createIdp(ctx: SimContext) {
  const sso = new Map<string, { person: Person; expiresAt: number }>();
  const entityId = () => ctx.origin(ctx.hosts.idp);

  function ssoPerson(req: SimRequest): Person | null {
    const token = req.cookies[IDP_COOKIES.sso];
    const s = token ? sso.get(token) : undefined;
    return s && s.expiresAt > Date.now() ? s.person : null;
  }

  /** Only ACS URLs of registered service providers are answered (as a real IdP does). */
  function serviceFor(authn: AuthnRequest): ServiceKey | null {
    for (const key of SERVICE_KEYS) {
      const origin = ctx.origin(ctx.hosts[key]);
      if (authn.issuer === origin && authn.acsUrl === origin + SERVICES[key].paths.acs) return key;
    }
    return null;
  }

  function postBack(
    authn: AuthnRequest,
    relayState: string,
    person: Person,
    headers: Record<string, string[]>,
  ) {
    const samlResponse = encodeResponse(
      { person, destination: authn.acsUrl, audience: authn.issuer, inResponseTo: authn.id },
      entityId(),
    );
    return html(
      layout({
        title: `${IDP_NAME} – skickar dig vidare`,
        attrs: { page: 'idp-autopost' },
        body: `<main><p>Du skickas vidare till e-tjänsten…</p>
${autoPostForm(authn.acsUrl, { SAMLResponse: samlResponse, RelayState: relayState }, 'Fortsätt')}</main>`,
      }),
      headers,
    );
  }

  function loginPage(samlRequest: string, relayState: string, service: ServiceKey, error = ''): SimResponse {
    return html(
      layout({
        title: `Logga in – ${IDP_NAME}`,
        attrs: { page: 'idp-login' },
        body: `<header><strong>${IDP_NAME}</strong><span>Säker inloggning för e-tjänster</span></header>
<main>
<h1>Logga in på ${escapeHtml(SERVICES[service].shortName)}</h1>
<p>Legitimera dig med BankID. Du loggas in på e-tjänsten och kan sedan nå andra anslutna e-tjänster utan att logga in igen.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${IDP_PATHS.bankid}">
<input type="hidden" name="SAMLRequest" value="${escapeHtml(samlRequest)}">
<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">
<p><label for="name">Namn</label><br><input id="name" name="name" autocomplete="name" required></p>
<p><label for="personnummer">Personnummer (ÅÅÅÅMMDD-XXXX)</label><br><input id="personnummer" name="personnummer" required></p>
<p><button class="bankid" type="submit">Logga in med BankID</button></p>
</form>
<p><small>Det här är en simulerad inloggning: inget riktigt BankID används.</small></p>
</main>`,
      }),
    );
  }

  function ssoRequest(req: SimRequest, samlRequest: string, relayState: string): SimResponse {
    const authn = decodeAuthnRequest(samlRequest);
    const service = authn && serviceFor(authn);
    if (!authn || !service)
      return html(layout({ title: 'Felaktig begäran', body: '<h1>Felaktig begäran</h1>' }), {}, 400);
    if (req.method === 'POST') {
      const name = (req.form.get('name') ?? '').trim();
      const personnummer = (req.form.get('personnummer') ?? '').trim();
      if (!name || !personnummer)
        return loginPage(samlRequest, relayState, service, 'Fyll i namn och personnummer.');
      const person = { name, personnummer };
      const token = randomUUID();
      sso.set(token, { person, expiresAt: Date.now() + SSO_SECONDS * 1000 });
      ctx.record({ type: 'bankid-login', person, at: Date.now() });
      const cookie = setCookie(IDP_COOKIES.sso, token, {
        maxAge: SSO_SECONDS,
        httpOnly: true,
        sameSite: 'None',
      });
      return postBack(authn, relayState, person, { 'set-cookie': [cookie] });
    }
    const person = ssoPerson(req);
    if (!person) return loginPage(samlRequest, relayState, service);
    // The SSO: no login page, straight back to whichever service asked.
    ctx.record({ type: 'sso-reuse', person, sp: authn.issuer, at: Date.now() });
    return postBack(authn, relayState, person, {});
  }

  /**
   * Embedded in e-service pages (third-party). It cannot count on the SSO cookie there (browsers
   * block third-party cookies), so it keeps its own partitioned (CHIPS) cookie.
   */
  function widget(): SimResponse {
    const cookie = setCookie(IDP_COOKIES.widget, `w_${randomUUID()}`, {
      maxAge: SSO_SECONDS,
      sameSite: 'None',
      partitioned: true,
    });
    return html(
      layout({
        title: `${IDP_NAME} – status`,
        attrs: { page: 'idp-widget' },
        body: `<small>Du loggade in med BankID via ${IDP_NAME}. Kom ihåg att logga ut när du är klar.</small>`,
      }),
      { 'set-cookie': [cookie] },
    );
  }

  /** The IdP's own logout: its SSO ends (server and cookie); back to the service that asked, if it is one. */
  function logout(req: SimRequest): SimResponse {
    const token = req.cookies[IDP_COOKIES.sso];
    ctx.record({ type: 'idp-logout', person: ssoPerson(req), at: Date.now() });
    if (token) sso.delete(token);
    const gone = setCookie(IDP_COOKIES.sso, '', { maxAge: 0, httpOnly: true, sameSite: 'None' });
    const back = req.url.searchParams.get('return') ?? '';
    let target: URL | null = null;
    try {
      target = new URL(back);
    } catch {
      target = null;
    }
    const registered = SERVICE_KEYS.some((k) => target?.origin === ctx.origin(ctx.hosts[k]));
    if (target && registered) return redirect(target.href, 302, { 'set-cookie': [gone] });
    return html(
      layout({
        title: `Utloggad – ${IDP_NAME}`,
        attrs: { page: 'idp-logged-out' },
        body: `<main><h1>Du är utloggad från ${IDP_NAME}</h1></main>`,
      }),
      { 'set-cookie': [gone] },
    );
  }

  return function handleIdp(req: SimRequest): SimResponse {
    const path = req.url.pathname;
    if (path === IDP_PATHS.sso && req.method === 'GET') {
      return ssoRequest(
        req,
        req.url.searchParams.get('SAMLRequest') ?? '',
        req.url.searchParams.get('RelayState') ?? '',
      );
    }
    if (path === IDP_PATHS.bankid && req.method === 'POST') {
      return ssoRequest(req, req.form.get('SAMLRequest') ?? '', req.form.get('RelayState') ?? '');
    }
    if (path === IDP_PATHS.widget) return widget();
    if (path === IDP_PATHS.logout && req.method === 'GET') return logout(req);
    if (path === IDP_PATHS.state) {
      const person = ssoPerson(req);
      return statePage(
        IDP_NAME,
        { ssoAs: person?.name ?? '' },
        person
          ? `Inloggningen (SSO) gäller för ${escapeHtml(person.name)}.`
          : 'Ingen giltig inloggning (SSO).',
      );
    }
    if (path === IDP_PATHS.start) {
      return html(
        layout({
          title: IDP_NAME,
          attrs: { page: 'idp-start' },
          body: `<header><strong>${IDP_NAME}</strong></header><main><h1>${IDP_NAME}</h1>
<p>Inloggningstjänst för kommuners och skolors e-tjänster. Gå till e-tjänsten du vill använda och välj Logga in.</p></main>`,
        }),
      );
    }
    return notFound();
  };
}
