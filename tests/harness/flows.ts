/**
 * The person's side of the sim's login flows (tests/sim/flows.ts), in either browser: log in to a service of
 * flows.ts, leave it, and what the next person at the computer reaches there.
 */
import type { FlowServiceUrls } from '../sim/flows';
import type { Sim } from '../sim/server';
import type { Person } from '../sim/services';
import type { BrowserSession, Tab } from './browser-session';

/** The person types their name and personnummer on the IdP's BankID page and presses the button. */
export async function identify(tab: Tab, person: Person): Promise<void> {
  await tab.waitFor('body[data-page="idp-login"]', 'redirects');
  await tab.fill('#name', person.name);
  await tab.fill('#personnummer', person.personnummer);
  await tab.click('button.bankid');
}

/** Waits for "Mina sidor" signed in as `person`, its storage written. */
export async function signedIn(tab: Tab, person: Person): Promise<void> {
  await tab.waitFor('body[data-page="overview"][data-storage-ready]', 'login');
  const shown = await tab.bodyData('loggedInAs');
  if (shown !== person.name) throw new Error(`expected ${person.name} on Mina sidor, the page says ${shown}`);
}

/**
 * Opens the service's start page, presses its "Logga in" (`control`: which login style) and identifies at the
 * IdP; resolves on "Mina sidor". Throws when the service signed the tab in with nobody typing.
 */
export async function logInTo(
  tab: Tab,
  service: FlowServiceUrls,
  person: Person,
  control = '#login',
): Promise<void> {
  await tab.goto(service.start);
  await tab.waitFor('body[data-page="start"]');
  await tab.click(control);
  await tab.waitFor('body[data-page="idp-login"], body[data-page="overview"]', 'redirects');
  const already = await tab.bodyData('loggedInAs');
  if (already) throw new Error(`${service.origin} signed in as "${already}" with nobody typing`);
  await identify(tab, person);
  await signedIn(tab, person);
}

/** The service's own "Logga ut" on Mina sidor; resolves on its "Du är utloggad". */
export async function siteLogout(tab: Tab): Promise<void> {
  await tab.click('header a[href$="/logout"]');
  await tab.waitFor('body[data-page="logged-out"]');
}

/** What the next person reaches at a service of flows.ts. */
export interface FlowReach {
  /** Who the service signs in when the next person presses its "Logga in" without typing anything (null: nobody). */
  loggedInAs: string | null;
  /** The IdP's BankID page came: the next person would have to identify. */
  askedToLogIn: boolean;
  /** Who each IdP's server still has a single sign-on for (its SSO cookie), by its `/state` URL. */
  ssoAs: Record<string, string | null>;
  /** What the service's origin still holds in localStorage. */
  localStorage: Record<string, string>;
}

/**
 * The next person sits down: reads what each IdP (`idps`: their `/state` URLs) and the service's origin still
 * hold, then presses the service's "Logga in" and sees where it leads. In a tab of their own, closed afterwards.
 */
export async function nextPersonAt(
  session: BrowserSession,
  service: FlowServiceUrls,
  idps: readonly string[],
): Promise<FlowReach> {
  const tab = await session.newTab();
  try {
    const ssoAs: Record<string, string | null> = {};
    for (const state of idps) {
      await tab.goto(state);
      await tab.waitFor('body[data-state-ready], body[data-state-error]');
      ssoAs[state] = (await tab.bodyData('ssoAs')) || null;
    }
    await tab.goto(service.state);
    await tab.waitFor('body[data-state-ready], body[data-state-error]');
    const localStorage = await tab.evaluate(
      () =>
        (globalThis as unknown as { simState: { localStorage: Record<string, string> } }).simState
          .localStorage,
      undefined,
    );
    await tab.goto(service.start);
    await tab.waitFor('body[data-page="start"]');
    await tab.click('#login');
    await tab.waitFor('body[data-page="idp-login"], body[data-page="overview"]', 'redirects');
    return {
      loggedInAs: (await tab.bodyData('loggedInAs')) || null,
      askedToLogIn: (await tab.bodyData('page')) === 'idp-login',
      ssoAs,
      localStorage,
    };
  } finally {
    await tab.close();
  }
}

export type FlowsSim = Pick<Sim, 'urls'>;
