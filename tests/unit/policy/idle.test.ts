/**
 * Idle logout against the real background handlers: WXT's fake browser for storage, the in-memory browser for
 * cookies and tabs, a system clock of input the test moves, and a countdown window that behaves (it opens,
 * closes, and the person may close it).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { IdleState } from '@/utils/background/context';
import { COUNTDOWN_MS, IDLE_ALARM } from '@/utils/background/idle';
import type { PurgeReport } from '@/utils/purge/types';
import { DEFAULT_SETTINGS, effectiveSettings } from '@/utils/settings';
import {
  createWorld,
  freshBrowserEachTest,
  navigate,
  startWorker,
  type Worker,
  type World,
} from '../helpers/background-world';

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const NEWS = 'https://www.lokaltidningen.se';
const TIMEOUT_S = 60;

/** The computer: when someone last touched it, whether the screen is locked. */
function system(w: World) {
  let lastInput = w.clock.now();
  let locked = false;
  return {
    touch: () => {
      lastInput = w.clock.now();
    },
    lock: () => {
      locked = true;
    },
    queryState: async (s: number): Promise<IdleState> =>
      locked ? 'locked' : w.clock.now() - lastInput >= s * 1000 ? 'idle' : 'active',
  };
}

let bg: Worker;
let w: World;
let sys: ReturnType<typeof system>;
let timeoutSeconds: number;
let startPage: string | null;
let opened: number;

/** Countdown windows on screen now: window id → deadline. */
const shown = () =>
  new Map(
    [...w.browserState.popups].map(([id, url]) => [id, Number(new URL(url).searchParams.get('until'))]),
  );

async function newWorker() {
  bg = await startWorker(w);
}

freshBrowserEachTest();

beforeEach(async () => {
  w = createWorld();
  sys = system(w);
  timeoutSeconds = TIMEOUT_S;
  startPage = null;
  opened = 0;
  w.ctx.settings = async () =>
    effectiveSettings(DEFAULT_SETTINGS, { idleTimeoutSeconds: timeoutSeconds, startPage });
  w.ctx.idle = {
    async setDetectionInterval(s) {
      w.browserState.idleInterval = s;
    },
    queryState: sys.queryState,
  };
  const openPopup = w.ctx.windows.openPopup;
  w.ctx.windows.openPopup = (url, size) => {
    opened++;
    return openPopup(url, size);
  };
  await newWorker();
});

/** Anna on the kommun's e-service (a session group), the newspaper in another tab. */
async function annaLoggedIn(): Promise<{ kommunTab: number; newsTab: number }> {
  const newsTab = w.port.openTab({ url: `${NEWS}/` });
  await navigate(bg, newsTab, { url: `${NEWS}/`, transitionType: 'typed' });
  w.port.setCookie({ name: 'reader', domain: '.lokaltidningen.se' });
  const kommunTab = w.port.openTab({ url: `${ESERVICE}/mina-sidor` });
  await navigate(bg, kommunTab, { url: `${ESERVICE}/mina-sidor`, transitionType: 'typed' });
  w.port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se' });
  sys.touch();
  return { kommunTab, newsTab };
}

/** A purge's report if one was stored since `before` (the planId changed), else null. */
async function newReport(before: PurgeReport | null): Promise<PurgeReport | null> {
  const now = await bg.storage.lastReport.getValue();
  return now && now.planId !== before?.planId ? now : null;
}

/** The browser reports an idle state; returns the report of a purge it caused. */
async function idleState(state: IdleState) {
  const before = await bg.storage.lastReport.getValue();
  await bg.idleState(state);
  return newReport(before);
}

/** Time passes without input; the browser reports `idle` when the threshold is crossed. */
async function leave(seconds: number) {
  w.clock.advance(seconds * 1000);
  const state = await sys.queryState(Math.max(15, timeoutSeconds));
  if (state !== 'active') await idleState(state);
}

/** The alarm fires at the deadline; returns the report of a purge it caused. */
async function countdownEnds() {
  const alarm = await fakeBrowser.alarms.get(IDLE_ALARM);
  expect(alarm, 'an alarm wakes the worker at the deadline').toBeDefined();
  w.clock.advance(Math.max(0, alarm!.scheduledTime - w.clock.now()));
  const before = await bg.storage.lastReport.getValue();
  await bg.alarm(IDLE_ALARM);
  return newReport(before);
}

const cookies = () => w.port.snapshot().cookies.map((c) => `${c.domain} ${c.name}`);
const countdown = () => bg.storage.idleCountdown.getValue();

describe('idle logout', () => {
  it('idle past the timeout: the countdown opens; unanswered, everything protected is purged', async () => {
    const { kommunTab, newsTab } = await annaLoggedIn();
    await leave(TIMEOUT_S);
    const c = await countdown();
    expect(c?.deadline).toBe(w.clock.now() + COUNTDOWN_MS);
    expect([...shown().values()]).toEqual([c!.deadline]);

    const report = await countdownEnds();
    expect(report?.trigger).toBe('idle');
    expect(cookies()).toEqual(['.lokaltidningen.se reader']);
    const open = w.port.snapshot().tabs.map((t) => t.id);
    expect(open).not.toContain(kommunTab);
    expect(open).toContain(newsTab);
    expect(shown().size, 'the countdown window closes after the purge').toBe(0);
    expect(await countdown()).toBeNull();
    expect(Object.keys((await bg.storage.sessionState.getValue()).groups)).toEqual([]);
  });

  it('any input during the countdown answers it: nothing is purged', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    w.clock.advance(10_000);
    sys.touch();
    await idleState('active');
    expect(shown().size).toBe(0);
    expect(await countdownEnds()).toBeNull();
    expect(cookies()).toContain('e-tjanster.jarfalla.se JSESSIONID');
  });

  it('closing the countdown window (or its button) answers it', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    const [id] = [...shown().keys()];
    w.browserState.popups.delete(id!);
    await bg.windowClosed(id!);
    expect(await countdown()).toBeNull();
    expect(await countdownEnds()).toBeNull();
    expect(cookies()).toContain('e-tjanster.jarfalla.se JSESSIONID');
  });

  it('someone came back while the worker slept through the "active" event: the deadline asks the system first', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    w.clock.advance(20_000);
    sys.touch(); // the event is lost: the worker was stopped
    await newWorker();
    expect(await countdownEnds()).toBeNull();
    expect(cookies()).toContain('e-tjanster.jarfalla.se JSESSIONID');
  });

  it('the countdown survives a stopped worker: the alarm wakes a new one, which purges', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    await newWorker();
    expect((await countdownEnds())?.trigger).toBe('idle');
    expect(cookies()).toEqual(['.lokaltidningen.se reader']);
  });

  it('a worker that wakes after the deadline (the alarm came while it started) finishes at once', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    w.clock.advance(COUNTDOWN_MS + 5_000);
    await newWorker(); // its start syncs idle logout
    expect(cookies()).toEqual(['.lokaltidningen.se reader']);
  });

  it('nothing protected open: idleness is nobody’s business', async () => {
    const newsTab = w.port.openTab({ url: `${NEWS}/` });
    await navigate(bg, newsTab, { url: `${NEWS}/`, transitionType: 'typed' });
    await leave(TIMEOUT_S * 3);
    expect(opened).toBe(0);
    expect(await countdown()).toBeNull();
  });

  it('a locked screen purges at once, countdown or not', async () => {
    await annaLoggedIn();
    sys.lock();
    const report = await idleState('locked');
    expect(report?.trigger).toBe('idle');
    expect(cookies()).toEqual(['.lokaltidningen.se reader']);
    expect(opened).toBe(0);
  });

  it('one countdown at a time', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    await idleState('idle');
    expect(opened).toBe(1);
  });

  it('idle logout off (0): no detection, and a running countdown ends when the policy turns it off', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    expect(shown().size).toBe(1);
    timeoutSeconds = 0;
    await bg.settingsChanged();
    expect(shown().size).toBe(0);
    expect(await countdown()).toBeNull();
    await leave(TIMEOUT_S);
    expect(opened).toBe(1);
    const before = await bg.storage.lastReport.getValue();
    await bg.alarm(IDLE_ALARM);
    expect(await newReport(before)).toBeNull();
  });

  it('syncIdle sets the detection interval (never under 15 s) and catches an idle state it missed', async () => {
    await annaLoggedIn();
    timeoutSeconds = 10;
    await bg.settingsChanged();
    expect(w.browserState.idleInterval).toBe(15);
    expect(opened).toBe(0);
    w.clock.advance(16_000);
    await newWorker(); // its start syncs idle logout
    expect(opened).toBe(1);
  });

  it('a window the purge would empty stays open on IT’s start page', async () => {
    const START = 'https://bibliotek.exempelstad.se/';
    startPage = START;
    const newsTab = w.port.openTab({ url: `${NEWS}/`, windowId: 1 });
    await navigate(bg, newsTab, { url: `${NEWS}/`, transitionType: 'typed' });
    const kommunTab = w.port.openTab({ url: `${ESERVICE}/mina-sidor`, windowId: 2 });
    await navigate(bg, kommunTab, { url: `${ESERVICE}/mina-sidor`, transitionType: 'typed' });
    sys.touch();
    await leave(TIMEOUT_S);
    await countdownEnds();
    const tabs = w.port.snapshot().tabs.map((t) => [t.windowId, t.url]);
    expect(tabs).toEqual([
      [1, `${NEWS}/`],
      [2, START],
    ]);
  });

  it('a countdown window that cannot open still leads to the purge', async () => {
    await annaLoggedIn();
    w.ctx.windows.openPopup = () => Promise.reject(new Error('no display'));
    await leave(TIMEOUT_S);
    expect((await countdown())?.windowId).toBeNull();
    expect((await countdownEnds())?.trigger).toBe('idle');
  });
});
