/**
 * The browsers a scenario runs in (`describe.each(BROWSERS)`): each launches a `BrowserSession` with Safe Logout
 * against a sim started with its `simOptions`.
 */
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { type Sim, type SimOptions, startSim } from '../sim/server';
import type { BrowserSession } from './browser-session';
import { launchChromium } from './chromium';
import { launchLab } from './firefox-lab';

export interface LaunchWithExtension {
  /** Chromium: further unpacked extensions beside Safe Logout (test probes such as reopen.ts's). */
  extraExtensions?: string[];
  /** Firefox: preferences (e.g. first-party isolation). */
  prefs?: Record<string, unknown>;
}

export interface BrowserUnderTest {
  /** For test names. */
  name: 'Chromium' | 'Firefox';
  /**
   * Firefox maps the sim's hostnames to loopback with `network.dns.forceResolve`, which knows no ports: its
   * sim puts the port in its URLs. Chromium maps them with `--host-resolver-rules` and needs none.
   */
  simOptions: SimOptions;
  launch(sim: Sim, o?: LaunchWithExtension): Promise<BrowserSession>;
}

export const CHROMIUM: BrowserUnderTest = {
  name: 'Chromium',
  simOptions: {},
  launch: (sim, o = {}) => launchChromium(sim, { withExtension: true, extraExtensions: o.extraExtensions }),
};

export const FIREFOX: BrowserUnderTest = {
  name: 'Firefox',
  simOptions: { portInUrls: true },
  launch: (sim, o = {}) => launchLab(sim, o.prefs),
};

export const BROWSERS: readonly BrowserUnderTest[] = [CHROMIUM, FIREFOX];

/**
 * For a `describe.each(BROWSERS)` block: starts the browser's sim before the block (handed to `setSim`) and
 * returns a launcher of fresh browsers with Safe Logout, each closed when its test ends (in the background;
 * awaited, with the sim, after the block).
 */
export function simAndBrowsers(
  b: BrowserUnderTest,
  setSim: (sim: Sim) => void,
): (o?: LaunchWithExtension) => Promise<BrowserSession> {
  let sim: Sim | undefined;
  const closing: Promise<void>[] = [];
  beforeAll(async () => {
    sim = await startSim(b.simOptions);
    setSim(sim);
  });
  afterAll(async () => {
    await Promise.all(closing);
    await sim?.close();
  });
  return async (o) => {
    if (!sim) throw new Error('the sim is not started: launch browsers inside a test');
    const session = await b.launch(sim, o);
    onTestFinished(() => {
      closing.push(session.close());
    });
    return session;
  };
}
