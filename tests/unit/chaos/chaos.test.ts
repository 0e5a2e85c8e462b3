/**
 * Model-based chaos run: random sequences of what people and faults do drive the real background over the fake
 * browser — logins through known and unknown IdPs, links to unrelated sites and back, the site's own logout,
 * tabs closing, the button, time passing, the worker stopped and started, the browser crashing, browser calls
 * failing. After every step, and once everything has settled:
 * - nothing of a site outside every group was touched (its cookies and storage stay);
 * - no automatic purge ran in the middle of a login (the login's cookies survive until it is done);
 * - nothing of a group is left once its session is over: after the person has gone and time has passed, every
 *   cookie a login set is gone — a failed purge may delay that, never cancel it.
 *
 * The unit suite runs 1,000 sequences with a fixed seed; `npm run chaos` runs more with a fresh one. On failure
 * fast-check prints the seed and the shrunk sequence of steps.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PortMethod } from '@/tests/fakes/fake-port-types';
import { createWorld, navigate, startWorker, type Worker, type World } from '../helpers/background-world';

const SEED = Number(process.env.CHAOS_SEED ?? 20261206);
const RUNS = Number(process.env.CHAOS_RUNS ?? 1_000);

const SERVICES = ['https://e-tjanster.jarfalla.se', 'https://www.vklass.se', 'https://minasidor.huddinge.se'];
/** A known login service (on the built-in list) and one on no list: only the round trip makes it a member. */
const IDPS = ['https://login.grandid.com', 'https://login.eidbrygga.net'];
const STRANGERS = ['https://www.lokaltidningen.se', 'https://shop.example.com'];
const FAULTS: PortMethod[] = ['removeSiteData', 'findCookies', 'removeCookie', 'closeTabs', 'deleteHistory'];

type Step =
  | { kind: 'start-login'; service: number; idp: number }
  | { kind: 'finish-login'; tab: number }
  | { kind: 'link-away'; tab: number; stranger: number }
  | { kind: 'link-back'; tab: number }
  | { kind: 'site-logout'; tab: number }
  | { kind: 'close'; tab: number }
  | { kind: 'button' }
  | { kind: 'wait'; ms: number }
  | { kind: 'restart-worker' }
  | { kind: 'crash' }
  | { kind: 'fault'; method: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('start-login' as const), service: fc.nat(2), idp: fc.nat(1) }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('finish-login' as const), tab: fc.nat(7) }), weight: 4 },
  {
    arbitrary: fc.record({ kind: fc.constant('link-away' as const), tab: fc.nat(7), stranger: fc.nat(1) }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('link-back' as const), tab: fc.nat(7) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('site-logout' as const), tab: fc.nat(7) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('close' as const), tab: fc.nat(7) }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'button' as const }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.constantFrom(300, 1_500, 5_000, 60_000),
    }),
    weight: 2,
  },
  { arbitrary: fc.constant({ kind: 'restart-worker' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'crash' as const }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('fault' as const), method: fc.nat(FAULTS.length - 1) }),
    weight: 1,
  },
);

/** What the model knows of a tab the person opened. */
interface TabModel {
  id: number;
  service: string;
  /** On the IdP, not back yet: the login in progress (its cookies must survive every automatic purge). */
  midLogin?: { idp: string; cookies: string[] };
  /** Away on an unrelated site, reached by a link. */
  away?: string;
}

/** One run: the world, the person's tabs, and the cookies each kind of site set. */
class Run {
  tabs: TabModel[] = [];
  /** Cookies set by logins (service session and IdP single sign-on): all must go once their session is over. */
  loginCookies = new Set<string>();
  /** Cookies and storage of unrelated sites: never touched. */
  strangerCookies = new Set<string>();
  strangerOrigins = new Set<string>();
  n = 0;
  constructor(
    public w: World,
    public bg: Worker,
  ) {}

  private cookies() {
    return new Set(this.w.port.snapshot().cookies.map((c) => c.name));
  }
  private open(tab: number) {
    return this.w.port.snapshot().tabs.some((t) => t.id === tab);
  }
  private tab(i: number): TabModel | undefined {
    return this.tabs.length ? this.tabs[i % this.tabs.length] : undefined;
  }

  async do(s: Step): Promise<void> {
    const { w, bg } = this;
    switch (s.kind) {
      case 'start-login': {
        const service = SERVICES[s.service]!;
        const idp = IDPS[s.idp]!;
        const id = w.port.openTab({ url: `${service}/` });
        await navigate(bg, id, { url: `${service}/`, transitionType: 'typed' });
        const n = ++this.n;
        await navigate(bg, id, { url: `${service}/login`, redirects: [`${idp}/sso?SAMLRequest=${n}`] });
        const cookies = [`sid_${n}`, `sso_${n}`];
        w.port.setCookie({ name: cookies[0]!, domain: new URL(service).hostname });
        w.port.setCookie({ name: cookies[1]!, domain: new URL(idp).hostname, secure: true });
        for (const c of cookies) this.loginCookies.add(c);
        this.tabs.push({ id, service, midLogin: { idp, cookies } });
        return;
      }
      case 'finish-login': {
        const t = this.tab(s.tab);
        if (!t?.midLogin || !this.open(t.id)) return;
        await navigate(bg, t.id, {
          url: `${t.service}/saml/acs`,
          redirects: [`${t.service}/mina-sidor`],
          transitionType: 'form_submit',
        });
        t.midLogin = undefined;
        return;
      }
      case 'link-away': {
        const t = this.tab(s.tab);
        if (!t || t.midLogin || !this.open(t.id)) return;
        const stranger = STRANGERS[s.stranger]!;
        await navigate(bg, t.id, { url: `${stranger}/artikel`, transitionType: 'link' });
        const name = `reader_${++this.n}`;
        w.port.setCookie({ name, domain: `.${new URL(stranger).hostname.replace(/^www\./, '')}` });
        w.port.setSiteData({ origin: stranger, kind: 'localStorage' });
        this.strangerCookies.add(name);
        this.strangerOrigins.add(stranger);
        t.away = stranger;
        return;
      }
      case 'link-back': {
        const t = this.tab(s.tab);
        if (!t?.away || !this.open(t.id)) return;
        await navigate(bg, t.id, { url: `${t.service}/mina-sidor`, transitionType: 'link' });
        t.away = undefined;
        return;
      }
      case 'site-logout': {
        const t = this.tab(s.tab);
        if (!t || t.midLogin || t.away || !this.open(t.id)) return;
        await navigate(bg, t.id, { url: `${t.service}/logout`, redirects: [`${t.service}/utloggad`] });
        return;
      }
      case 'close': {
        const t = this.tab(s.tab);
        if (!t || !this.open(t.id)) return;
        w.port.personClosesTab(t.id);
        await bg.onTabRemoved(t.id);
        t.midLogin = undefined; // the person gave up on that login
        return;
      }
      case 'button':
        await bg.logOutAll();
        for (const t of this.tabs) t.midLogin = undefined;
        return;
      case 'wait':
        w.clock.advance(s.ms);
        await vi.advanceTimersByTimeAsync(s.ms);
        await bg.fireDueAlarms();
        return;
      case 'restart-worker':
        this.bg = await startWorker(w);
        return;
      case 'crash': {
        // The browser dies and comes back: its tabs restored with new ids, storage.session empty.
        const restored = w.port.snapshot().tabs;
        for (const t of restored) w.port.personClosesTab(t.id);
        await fakeBrowser.storage.session.clear();
        const ids = new Map(restored.map((t) => [t.id, w.port.openTab({ url: t.url })]));
        for (const t of this.tabs) {
          t.id = ids.get(t.id) ?? -1;
          t.midLogin = undefined;
        }
        w.clock.advance(60_000);
        this.bg = await startWorker(w);
        return;
      }
      case 'fault':
        w.port.failNext(FAULTS[s.method]!);
        return;
    }
  }

  /** After every step: strangers untouched; no login in progress lost its cookies to an automatic purge. */
  check(s: Step, midBefore: TabModel[]): void {
    const cookies = this.cookies();
    for (const c of this.strangerCookies)
      expect(cookies.has(c), `stranger cookie ${c} after ${s.kind}`).toBe(true);
    const origins = new Set(this.w.port.snapshot().siteData.map((d) => d.origin));
    for (const o of this.strangerOrigins)
      expect(origins.has(o), `stranger storage ${o} after ${s.kind}`).toBe(true);
    if (s.kind === 'button' || s.kind === 'crash') return;
    for (const t of midBefore) {
      if (!t.midLogin || !this.open(t.id)) continue;
      for (const c of t.midLogin.cookies)
        expect(cookies.has(c), `login in progress lost ${c} after ${s.kind}`).toBe(true);
    }
  }

  /** The person leaves: every tab closes, time passes (retries included). Nothing of any login is left. */
  async leave(): Promise<void> {
    for (const t of this.w.port.snapshot().tabs) {
      this.w.port.personClosesTab(t.id);
      await this.bg.onTabRemoved(t.id);
    }
    for (const ms of [5_000, 60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000])
      await this.do({ kind: 'wait', ms });
    const cookies = this.cookies();
    const left = [...this.loginCookies].filter((c) => cookies.has(c));
    expect(left, 'cookies of logins still there after everyone left').toEqual([]);
    this.check({ kind: 'wait', ms: 0 }, []);
  }
}

beforeEach(() => {
  // Thousands of purges: their one-line logs (and the errors of injected faults) would drown the output.
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('chaos', () => {
  it(`${RUNS} random sequences (seed ${SEED}): strangers untouched, no purge mid-login, nothing of a login left after the person has gone`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        fakeBrowser.reset();
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const w = createWorld();
        const run = new Run(w, await startWorker(w));
        for (const s of steps) {
          const midBefore = run.tabs.filter((t) => t.midLogin).map((t) => ({ ...t }));
          await run.do(s);
          run.check(s, midBefore);
        }
        await run.leave();
        vi.useRealTimers();
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    );
  }, 600_000);
});
