/**
 * The health report's reads, for the background: the cookies that reach some hosts, through the data port, with
 * a time limit; whether the report is on; the one-change-at-a-time order of its writes.
 */
import type { BackgroundContext } from '../background/context';
import type { CookieRecord } from '../browser-data/port';
import { lookupDomains } from './marks';
import { healthReport } from './storage';
import { emptyHealthReport } from './types';

/** A cookie read that has not answered by then counts as failed (the purge waits at most this long). */
export const READ_LIMIT_MS = 1500;

type Ctx = Pick<BackgroundContext, 'port' | 'settings'>;

/** The last answer of the settings about the report (a cache, rebuilt at every read): off means no reads at all. */
let lastEnabled: boolean | undefined;
export async function enabled(ctx: Pick<Ctx, 'settings'>): Promise<boolean> {
  lastEnabled = (await ctx.settings()).healthReport;
  // Turned off by IT: what was counted goes too (nothing hidden stays on disk).
  if (!lastEnabled && Object.keys((await healthReport.getValue()).services ?? {}).length)
    await healthReport.setValue(emptyHealthReport());
  return lastEnabled;
}

let chain: Promise<unknown> = Promise.resolve();
/** The health items are written one change at a time (ordering only: the state itself is in storage). */
export function inTurn<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

/** The cookies that reach `hosts`, or null when a read failed or took longer than `READ_LIMIT_MS`. */
export async function cookiesReaching(ctx: Pick<Ctx, 'port'>, hosts: readonly string[]) {
  if (!hosts.length) return [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), READ_LIMIT_MS);
  });
  const read = Promise.all(lookupDomains(hosts).map((domain) => ctx.port.findCookies({ domain })))
    .then((lists) => lists.flat())
    .catch(() => null);
  const result = await Promise.race([read, late]);
  clearTimeout(timer);
  return result;
}

/**
 * Started the moment a top-level page commits, before the commit waits its turn: the page's login-service
 * cookies as its response left them, before the person can act on the page.
 */
export function cookiesAtCommit(ctx: Pick<Ctx, 'port'>, url: string): Promise<CookieRecord[] | null> {
  if (lastEnabled === false) return Promise.resolve(null);
  try {
    return cookiesReaching(ctx, [new URL(url).hostname]);
  } catch {
    return Promise.resolve(null);
  }
}
