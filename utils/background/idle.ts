/**
 * Idle logout (IT's `idleTimeoutSeconds`): after that long without input while protected sessions are open,
 * a small "Are you still there?" window counts down 30 s; any input, or closing the window, answers it.
 * Unanswered, everything protected is purged and its tabs closed. A locked screen (Chrome) purges at once.
 * The countdown is durable (storage.session + an alarm): a worker that sleeps through it still purges.
 */
import type { PurgeReport } from '../purge/types';
import { idleCountdown } from '../storage';
import type { BackgroundContext, IdleState } from './context';
import { purge } from './purge';
import { serialized } from './queue';
import { loadState } from './session-store';

export const COUNTDOWN_MS = 30_000;
export const IDLE_ALARM = 'idle-countdown';
/** `idle.setDetectionInterval` refuses less. */
const MIN_DETECTION_SECONDS = 15;
const WINDOW_SIZE = { width: 480, height: 320 };

const threshold = (seconds: number) => Math.max(MIN_DETECTION_SECONDS, seconds);
const hasGroups = async () => Object.keys((await loadState()).groups).length > 0;

/** Ends the countdown (answered, switched off, or done). Call inside `serialized`. */
async function endCountdown(ctx: BackgroundContext): Promise<void> {
  const c = await idleCountdown.getValue();
  if (!c) return;
  await idleCountdown.setValue(null);
  if (c.windowId !== null) await ctx.windows.close(c.windowId).catch(() => undefined);
}

/** Everything protected, as the button does, for the trigger `idle`. Call inside `serialized`. */
async function purgeAll(ctx: BackgroundContext): Promise<PurgeReport | null> {
  const report = await purge(ctx, { scope: { kind: 'all' }, trigger: 'idle' });
  await endCountdown(ctx);
  return report;
}

async function startCountdown(ctx: BackgroundContext): Promise<void> {
  const deadline = ctx.now() + COUNTDOWN_MS;
  // Saved before the window opens: a window closed at once still finds its countdown to end.
  await idleCountdown.setValue({ deadline, windowId: null });
  const url = ctx.pageUrl(`/still-there.html?until=${deadline}`);
  const windowId = await ctx.windows.openPopup(url, WINDOW_SIZE).catch((e: unknown) => {
    console.error('Safe Logout: countdown window', e);
    return null;
  });
  const current = await idleCountdown.getValue();
  if (current?.deadline === deadline) await idleCountdown.setValue({ deadline, windowId });
  else if (windowId !== null) await ctx.windows.close(windowId).catch(() => undefined);
  await ctx.alarms.set(IDLE_ALARM, deadline);
  // The fast path while the worker is awake; the alarm finishes the job if it sleeps.
  ctx.later(COUNTDOWN_MS + 20, () => void onCountdownDue(ctx));
}

/** The system's idle state changed (browser.idle.onStateChanged). */
export function onIdleStateChanged(ctx: BackgroundContext, state: IdleState): Promise<PurgeReport | null> {
  return serialized(async () => {
    const { idleTimeoutSeconds } = await ctx.settings();
    if (!idleTimeoutSeconds || state === 'active') {
      await endCountdown(ctx);
      return null;
    }
    if (!(await hasGroups())) return null;
    if (state === 'locked') return purgeAll(ctx);
    if (!(await idleCountdown.getValue())) await startCountdown(ctx);
    return null;
  });
}

/** The countdown's time is up (alarm or timer): purge, unless someone came back while the worker slept. */
export function onCountdownDue(ctx: BackgroundContext): Promise<PurgeReport | null> {
  return serialized(async () => {
    const c = await idleCountdown.getValue();
    if (!c || c.deadline > ctx.now() + 50) return null;
    const { idleTimeoutSeconds } = await ctx.settings();
    const state = idleTimeoutSeconds ? await ctx.idle.queryState(threshold(idleTimeoutSeconds)) : 'active';
    if (state === 'active') {
      await endCountdown(ctx);
      return null;
    }
    return purgeAll(ctx);
  });
}

/** A window closed: if it was the countdown, someone closed it — they are there. */
export function onWindowRemoved(_ctx: BackgroundContext, windowId: number): Promise<void> {
  return serialized(async () => {
    const c = await idleCountdown.getValue();
    if (c && c.windowId === windowId) await idleCountdown.setValue(null);
  });
}

/**
 * At every wake and settings change: set the detection interval, end a countdown when idle logout is off,
 * and catch up on an idle state the worker missed while it was stopped.
 */
export async function syncIdle(ctx: BackgroundContext): Promise<void> {
  const { idleTimeoutSeconds } = await ctx.settings();
  if (!idleTimeoutSeconds) {
    await serialized(() => endCountdown(ctx));
    return;
  }
  const seconds = threshold(idleTimeoutSeconds);
  await ctx.idle.setDetectionInterval(seconds);
  const c = await idleCountdown.getValue();
  if (c) {
    // Its alarm is set; if it is already overdue (the worker was stopped), finish it now.
    if (c.deadline <= ctx.now()) await onCountdownDue(ctx);
    return;
  }
  const state = await ctx.idle.queryState(seconds);
  if (state !== 'active') await onIdleStateChanged(ctx, state);
}
