/**
 * Idle logout (IT's `idleTimeoutSeconds`): after that long without input while protected sessions are open,
 * a small "Are you still there?" window counts down 30 s; any input, or closing the window, answers it.
 * Unanswered, everything protected is purged and its tabs closed. A locked screen (Chrome) purges at once.
 * The countdown is durable (storage.session + an alarm): a worker that sleeps through it still purges.
 */
import { browser } from 'wxt/browser';
import type { PurgeReport } from '../purge/types';
import { idleCountdown } from '../storage';
import type { EventDeps } from './events';
import { purgeEverything } from './purge-runner';
import { loadState, serialized } from './state';

export type IdleState = 'active' | 'idle' | 'locked';

export interface IdleApi {
  setDetectionInterval(seconds: number): void | Promise<void>;
  queryState(seconds: number): Promise<IdleState>;
}

/** The countdown window: an extension page, never anything injected into a web page. */
export interface CountdownUi {
  /** Shows the countdown ending at `deadline`; resolves to its window id (null if it could not open). */
  open(deadline: number): Promise<number | null>;
  close(windowId: number): Promise<void>;
}

export interface IdleDeps extends EventDeps {
  idle: IdleApi;
  countdown: CountdownUi;
}

export const COUNTDOWN_MS = 30_000;
export const IDLE_ALARM = 'idle-countdown';
/** `idle.setDetectionInterval` refuses less. */
const MIN_DETECTION_SECONDS = 15;

const threshold = (seconds: number) => Math.max(MIN_DETECTION_SECONDS, seconds);
const hasGroups = async () => Object.keys((await loadState()).groups).length > 0;

export const webExtIdleApi: IdleApi = {
  setDetectionInterval: (s) => browser.idle.setDetectionInterval(s),
  queryState: (s) => browser.idle.queryState(s) as Promise<IdleState>,
};

const WINDOW_SIZE = { width: 480, height: 320 };

export const webExtCountdownUi: CountdownUi = {
  async open(deadline) {
    const url = browser.runtime.getURL(`/still-there.html?until=${deadline}`);
    const w = await browser.windows.create({ url, type: 'popup', focused: true, ...WINDOW_SIZE });
    return w?.id ?? null;
  },
  async close(windowId) {
    await browser.windows.remove(windowId).catch(() => undefined);
  },
};

/** Ends the countdown (answered, switched off, or done). Call inside `serialized`. */
async function endCountdown(deps: IdleDeps): Promise<void> {
  const c = await idleCountdown.getValue();
  if (!c) return;
  await idleCountdown.setValue(null);
  if (c.windowId !== null) await deps.countdown.close(c.windowId).catch(() => undefined);
}

/** Everything protected, as the button does, for the trigger `idle`. Call inside `serialized`. */
async function purgeAll(deps: IdleDeps): Promise<PurgeReport> {
  const [s, classify] = await Promise.all([loadState(), deps.classify()]);
  const done = await purgeEverything(deps, classify, { trigger: 'idle', groups: Object.values(s.groups) });
  await Promise.all([done.settled, endCountdown(deps)]);
  return done.report;
}

async function startCountdown(deps: IdleDeps): Promise<void> {
  const deadline = deps.now() + COUNTDOWN_MS;
  // Saved before the window opens: a window closed at once still finds its countdown to end.
  await idleCountdown.setValue({ deadline, windowId: null });
  const windowId = await deps.countdown.open(deadline).catch((e: unknown) => {
    console.error('Safe Logout: countdown window', e);
    return null;
  });
  const current = await idleCountdown.getValue();
  if (current?.deadline === deadline) await idleCountdown.setValue({ deadline, windowId });
  else if (windowId !== null) await deps.countdown.close(windowId);
  await deps.scheduleWake(IDLE_ALARM, deadline);
  // The fast path while the worker is awake; the alarm finishes the job if it sleeps.
  setTimeout(() => void onCountdownDue(deps), COUNTDOWN_MS + 20);
}

/** The system's idle state changed (browser.idle.onStateChanged). */
export function onIdleStateChanged(deps: IdleDeps, state: IdleState): Promise<PurgeReport | null> {
  return serialized(async () => {
    const { idleTimeoutSeconds } = await deps.settings();
    if (!idleTimeoutSeconds || state === 'active') {
      await endCountdown(deps);
      return null;
    }
    if (!(await hasGroups())) return null;
    if (state === 'locked') return purgeAll(deps);
    if (!(await idleCountdown.getValue())) await startCountdown(deps);
    return null;
  });
}

/** The countdown's time is up (alarm or timer): purge, unless someone came back while the worker slept. */
export function onCountdownDue(deps: IdleDeps): Promise<PurgeReport | null> {
  return serialized(async () => {
    const c = await idleCountdown.getValue();
    if (!c || c.deadline > deps.now() + 50) return null;
    const { idleTimeoutSeconds } = await deps.settings();
    const state = idleTimeoutSeconds ? await deps.idle.queryState(threshold(idleTimeoutSeconds)) : 'active';
    if (state === 'active') {
      await endCountdown(deps);
      return null;
    }
    return purgeAll(deps);
  });
}

/** A window closed: if it was the countdown, someone closed it — they are there. */
export function onWindowRemoved(_deps: IdleDeps, windowId: number): Promise<void> {
  return serialized(async () => {
    const c = await idleCountdown.getValue();
    if (c && c.windowId === windowId) await idleCountdown.setValue(null);
  });
}

/**
 * At every wake and settings change: set the detection interval, end a countdown when idle logout is off,
 * and catch up on an idle state the worker missed while it was stopped.
 */
export async function syncIdle(deps: IdleDeps): Promise<void> {
  const { idleTimeoutSeconds } = await deps.settings();
  if (!idleTimeoutSeconds) {
    await serialized(() => endCountdown(deps));
    return;
  }
  const seconds = threshold(idleTimeoutSeconds);
  await deps.idle.setDetectionInterval(seconds);
  const c = await idleCountdown.getValue();
  if (c) {
    // Its alarm is set; if it is already overdue (the worker was stopped), finish it now.
    if (c.deadline <= deps.now()) await onCountdownDue(deps);
    return;
  }
  const state = await deps.idle.queryState(seconds);
  if (state !== 'active') await onIdleStateChanged(deps, state);
}
