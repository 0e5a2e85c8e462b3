/**
 * A background worker under test: the real handlers (freshly imported, so a "restart" loses every module
 * variable as a stopped MV3 worker does), WXT's fake browser for storage, the in-memory browser-data port,
 * the real recogniser and a clock the test moves by hand.
 */
import { vi } from 'vitest';
import type { EventDeps } from '@/utils/background/events';
import { createFakePort, type FakePort } from '@/tests/fakes/fake-port';
import { PACKS } from '@/utils/rules/generated/packs';
import { createMatcher } from '@/utils/rules/match';
import type { Classify } from '@/utils/session-groups/types';
import { DEFAULT_SETTINGS, effectiveSettings, type Settings } from '@/utils/settings';

export const T0 = 1_764_320_000_000;

/** Import the background modules afresh: a new worker with nothing in memory; storage is kept. */
export async function startWorker() {
  vi.resetModules();
  const [events, startup, commands, state, runner, storage] = await Promise.all([
    import('@/utils/background/events'),
    import('@/utils/background/startup'),
    import('@/utils/background/commands'),
    import('@/utils/background/state'),
    import('@/utils/background/purge-runner'),
    import('@/utils/storage'),
  ]);
  return { ...events, ...startup, ...commands, ...runner, ...state, storage };
}
export type Worker = Awaited<ReturnType<typeof startWorker>>;

export function createWorld(settings: Partial<Settings> = {}) {
  let t = T0;
  const port = createFakePort({ now: () => t });
  const matcher = createMatcher({ packs: PACKS });
  const classify: Classify = (host) => matcher.match(host);
  /** Alarms the background asked for (name → when): what `browser.alarms` would wake the worker for. */
  const alarms = new Map<string, number>();
  const deps: EventDeps = {
    port,
    settings: async () => effectiveSettings({ ...DEFAULT_SETTINGS, ...settings }),
    classify: async () => classify,
    now: () => t,
    scheduleWake: async (name, when) => {
      alarms.set(name, when);
    },
  };
  const clock = {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
  return { port, deps, clock, alarms };
}
export type World = ReturnType<typeof createWorld>;

export interface Hop {
  /** Where the navigation starts (onBeforeNavigate); later hops are server redirects. */
  url: string;
  redirects?: string[];
  transitionType?: string;
}

/**
 * One top-level navigation as Chrome reports it: onBeforeNavigate for the first URL, a main-frame request
 * for every hop (redirects included), onCommitted for the last with its qualifiers, then onCompleted.
 */
export async function navigate(bg: Worker, deps: EventDeps, tabId: number, hop: Hop): Promise<void> {
  const hops = [hop.url, ...(hop.redirects ?? [])];
  const last = hops.at(-1)!;
  await bg.onBeforeNavigate(deps, { tabId, frameId: 0, url: hop.url });
  for (const url of hops) await bg.onRequest(deps, { tabId, url, type: 'main_frame' });
  await bg.onCommitted(deps, {
    tabId,
    frameId: 0,
    url: last,
    transitionType: hop.transitionType ?? 'link',
    transitionQualifiers: hops.length > 1 ? ['server_redirect'] : [],
  });
  await bg.onCompleted(deps, { tabId, frameId: 0 });
}

/** The person closes a tab: it is gone from the browser, then the event arrives. */
export async function closeTab(bg: Worker, world: World, tabId: number): Promise<void> {
  await world.port.closeTabs([tabId]);
  await bg.onTabRemoved(world.deps, tabId);
}

/** Wait until every event handed to this worker so far has been handled. */
export const settled = (bg: Worker) => bg.serialized(async () => undefined);

export type { FakePort };
