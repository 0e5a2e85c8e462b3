/**
 * Idle logout against the real background handlers: WXT's fake browser for storage, the in-memory browser for
 * cookies and tabs, a system clock of input the test moves, and a countdown window that behaves (it opens,
 * closes, and the person may close it).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CountdownUi, IdleApi, IdleDeps, IdleState } from '@/utils/background/idle';
import { DEFAULT_SETTINGS, effectiveSettings } from '@/utils/settings';
import { createWorld, navigate, startWorker, type Worker, type World } from '../helpers/background-world';

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const NEWS = 'https://www.lokaltidningen.se';
const TIMEOUT_S = 60;

type Idle = typeof import('@/utils/background/idle');

/** The computer: when someone last touched it, whether the screen is locked, the detection interval set. */
function system(w: World) {
  let lastInput = w.clock.now();
  let locked = false;
  const sys = {
    interval: 0,
    touch: () => {
      lastInput = w.clock.now();
    },
    lock: () => {
      locked = true;
    },
    api: {
      setDetectionInterval: (s: number) => {
        sys.interval = s;
      },
      queryState: async (s: number): Promise<IdleState> =>
        locked ? 'locked' : w.clock.now() - lastInput >= s * 1000 ? 'idle' : 'active',
    } satisfies IdleApi,
  };
  return sys;
}

/** Countdown windows: each open gets a new id; `shown` is what is on screen now. */
function windows() {
  let next = 500;
  const ui = {
    shown: new Map<number, number>(),
    opened: 0,
    async open(deadline: number) {
      const id = next++;
      ui.shown.set(id, deadline);
      ui.opened++;
      return id;
    },
    async close(id: number) {
      ui.shown.delete(id);
    },
  } satisfies CountdownUi & Record<string, unknown>;
  return ui;
}

let bg: Worker;
let idle: Idle;
let w: World;
let sys: ReturnType<typeof system>;
let ui: ReturnType<typeof windows>;
let deps: IdleDeps;
let timeoutSeconds: number;

async function newWorker() {
  bg = await startWorker();
  idle = await import('@/utils/background/idle');
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await newWorker();
  w = createWorld();
  sys = system(w);
  ui = windows();
  timeoutSeconds = TIMEOUT_S;
  deps = {
    ...w.deps,
    settings: async () => effectiveSettings(DEFAULT_SETTINGS, { idleTimeoutSeconds: timeoutSeconds }),
    idle: sys.api,
    countdown: ui,
  };
});

afterEach(() => {
  vi.useRealTimers();
});

/** Anna on the kommun's e-service (a session group), the newspaper in another tab. */
async function annaLoggedIn(): Promise<{ kommunTab: number; newsTab: number }> {
  const newsTab = w.port.openTab({ url: `${NEWS}/` });
  await navigate(bg, deps, newsTab, { url: `${NEWS}/`, transitionType: 'typed' });
  w.port.setCookie({ name: 'reader', domain: '.lokaltidningen.se' });
  const kommunTab = w.port.openTab({ url: `${ESERVICE}/mina-sidor` });
  await navigate(bg, deps, kommunTab, { url: `${ESERVICE}/mina-sidor`, transitionType: 'typed' });
  w.port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se' });
  sys.touch();
  return { kommunTab, newsTab };
}

/** Time passes without input; the browser reports `idle` when the threshold is crossed. */
async function leave(seconds: number) {
  w.clock.advance(seconds * 1000);
  const state = await sys.api.queryState(Math.max(15, timeoutSeconds));
  if (state !== 'active') await idle.onIdleStateChanged(deps, state);
}

/** The alarm (or the worker's timer) fires at the deadline. */
async function countdownEnds() {
  const when = w.alarms.get(idle.IDLE_ALARM);
  expect(when, 'an alarm wakes the worker at the deadline').toBeDefined();
  w.clock.advance(Math.max(0, when! - w.clock.now()));
  return idle.onCountdownDue(deps);
}

const cookies = () => w.port.snapshot().cookies.map((c) => `${c.domain} ${c.name}`);
const countdown = () => bg.storage.idleCountdown.getValue();

describe('idle logout', () => {
  it('idle past the timeout: the countdown opens; unanswered, everything protected is purged', async () => {
    const { kommunTab, newsTab } = await annaLoggedIn();
    await leave(TIMEOUT_S);
    const c = await countdown();
    expect(c?.deadline).toBe(w.clock.now() + idle.COUNTDOWN_MS);
    expect([...ui.shown.values()]).toEqual([c!.deadline]);

    const report = await countdownEnds();
    expect(report?.trigger).toBe('idle');
    expect(cookies()).toEqual(['.lokaltidningen.se reader']);
    const open = w.port.snapshot().tabs.map((t) => t.id);
    expect(open).not.toContain(kommunTab);
    expect(open).toContain(newsTab);
    expect(ui.shown.size, 'the countdown window closes after the purge').toBe(0);
    expect(await countdown()).toBeNull();
    expect(Object.keys((await bg.storage.sessionState.getValue()).groups)).toEqual([]);
  });

  it('any input during the countdown answers it: nothing is purged', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    w.clock.advance(10_000);
    sys.touch();
    await idle.onIdleStateChanged(deps, 'active');
    expect(ui.shown.size).toBe(0);
    expect(await countdownEnds()).toBeNull();
    expect(cookies()).toContain('e-tjanster.jarfalla.se JSESSIONID');
  });

  it('closing the countdown window (or its button) answers it', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    const [id] = [...ui.shown.keys()];
    ui.shown.delete(id!);
    await idle.onWindowRemoved(deps, id!);
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
    w.clock.advance(idle.COUNTDOWN_MS + 5_000);
    await newWorker();
    await idle.syncIdle(deps);
    expect(cookies()).toEqual(['.lokaltidningen.se reader']);
  });

  it('nothing protected open: idleness is nobody’s business', async () => {
    const newsTab = w.port.openTab({ url: `${NEWS}/` });
    await navigate(bg, deps, newsTab, { url: `${NEWS}/`, transitionType: 'typed' });
    await leave(TIMEOUT_S * 3);
    expect(ui.opened).toBe(0);
    expect(await countdown()).toBeNull();
  });

  it('a locked screen purges at once, countdown or not', async () => {
    await annaLoggedIn();
    sys.lock();
    const report = await idle.onIdleStateChanged(deps, 'locked');
    expect(report?.trigger).toBe('idle');
    expect(cookies()).toEqual(['.lokaltidningen.se reader']);
    expect(ui.opened).toBe(0);
  });

  it('one countdown at a time', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    await idle.onIdleStateChanged(deps, 'idle');
    expect(ui.opened).toBe(1);
  });

  it('idle logout off (0): no detection, and a running countdown ends when the policy turns it off', async () => {
    await annaLoggedIn();
    await leave(TIMEOUT_S);
    expect(ui.shown.size).toBe(1);
    timeoutSeconds = 0;
    await idle.syncIdle(deps);
    expect(ui.shown.size).toBe(0);
    expect(await countdown()).toBeNull();
    await leave(TIMEOUT_S);
    expect(ui.opened).toBe(1);
    expect(await idle.onCountdownDue(deps)).toBeNull();
  });

  it('syncIdle sets the detection interval (never under 15 s) and catches an idle state it missed', async () => {
    await annaLoggedIn();
    timeoutSeconds = 15;
    await idle.syncIdle(deps);
    expect(sys.interval).toBe(15);
    expect(ui.opened).toBe(0);
    w.clock.advance(16_000);
    await newWorker();
    await idle.syncIdle(deps);
    expect(ui.opened).toBe(1);
  });

  it('a window the purge would empty stays open on IT’s start page', async () => {
    const START = 'https://bibliotek.exempelstad.se/';
    deps.settings = async () =>
      effectiveSettings(DEFAULT_SETTINGS, { idleTimeoutSeconds: TIMEOUT_S, startPage: START });
    deps.windows = {
      normalWindowIds: async () => [...new Set(w.port.snapshot().tabs.map((t) => t.windowId))],
      openTab: async (windowId, url) => void w.port.openTab({ windowId, url: url ?? 'chrome://newtab/' }),
    };
    const newsTab = w.port.openTab({ url: `${NEWS}/`, windowId: 1 });
    await navigate(bg, deps, newsTab, { url: `${NEWS}/`, transitionType: 'typed' });
    const kommunTab = w.port.openTab({ url: `${ESERVICE}/mina-sidor`, windowId: 2 });
    await navigate(bg, deps, kommunTab, { url: `${ESERVICE}/mina-sidor`, transitionType: 'typed' });
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
    deps.countdown = { open: () => Promise.reject(new Error('no display')), close: async () => {} };
    await leave(TIMEOUT_S);
    expect((await countdown())?.windowId).toBeNull();
    expect((await countdownEnds())?.trigger).toBe('idle');
  });
});
