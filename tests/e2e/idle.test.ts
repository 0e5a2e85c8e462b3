/**
 * Idle logout in real Chromium: headed, on an Xvfb display this test starts itself (chrome.idle never reports
 * `idle` headless), with IT's policy `idleTimeoutSeconds: 15` — the shortest the idle API can detect.
 * Anna logs in and stops touching the computer: the "Are you still there?" window appears, counts down 30 s,
 * and then her session is purged, its tab closed, and the window shows IT's start page instead of closing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allCookies, type ChromiumSession, extensionId } from '../harness/chromium';
import { loginAs } from '../harness/person';
import { type ChromiumPolicy, chromiumPolicy, extensionPolicy, launchWithPolicy } from '../harness/policy';
import { ANNA } from '../harness/scenario';
import { type Display, startXvfb } from '../harness/xvfb';
import { type Sim, startSim } from '../sim';

let sim: Sim;
let policy: ChromiumPolicy;
let display: Display;
let session: ChromiumSession | undefined;
const previousDisplay = process.env.DISPLAY;

beforeAll(async () => {
  [sim, policy, display] = await Promise.all([startSim(), chromiumPolicy(), startXvfb()]);
  process.env.DISPLAY = display.name; // this test file's browsers only
});

afterAll(async () => {
  await session?.close();
  await policy?.dispose();
  await display?.close();
  if (previousDisplay === undefined) delete process.env.DISPLAY;
  else process.env.DISPLAY = previousDisplay;
  await sim?.close();
});

/** 15 s to idle + 30 s countdown + a start and a login on a loaded machine. */
const TEST_TIMEOUT_MS = 150_000;

it(
  'after 15 s without input the countdown appears; unanswered, the session is purged and the start page shown',
  async () => {
    await policy.write(extensionPolicy({ idleTimeoutSeconds: 15, startPage: sim.urls.neutral.start }));
    ({ session } = await launchWithPolicy(sim, (s) => s.idleTimeoutSeconds === 15, { headless: false }));
    const context = session.context;
    const id = await extensionId(context);
    // Anna uses the window's only tab: the purge would empty the window.
    const page = context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
    expect(context.pages()).toEqual([page]);
    await loginAs(page, sim.urls.kommun, ANNA);
    // Playwright's typing does not reach the X server: count the login as the person's last input.
    await display.touch();
    const lastInput = Date.now();

    const countdown = await context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(`chrome-extension://${id}/still-there.html`),
      timeout: 45_000,
    });
    const appearedAfter = (Date.now() - lastInput) / 1000;
    expect(appearedAfter, 'not before the idle timeout').toBeGreaterThanOrEqual(13);
    await countdown.locator('main[data-seconds-left]').waitFor();
    const left = Number(await countdown.locator('main').getAttribute('data-seconds-left'));
    expect(left).toBeGreaterThan(10);
    expect(left).toBeLessThanOrEqual(30);
    expect(await countdown.locator('button').count()).toBe(1);
    expect(page.isClosed(), 'nothing is purged while the countdown runs').toBe(false);

    // Nobody answers: ~30 s later the group is purged, its tab closed, the countdown window gone.
    await page.waitForEvent('close', { timeout: 50_000 });
    const purgedAfter = (Date.now() - lastInput) / 1000;
    expect(purgedAfter, 'the countdown ran its 30 s').toBeGreaterThanOrEqual(13 + 28);
    const deadline = Date.now() + 10_000;
    while ((await allCookies(context)).some((c) => c.name === sim.idpCookies.sso) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const names = (await allCookies(context)).map((c) => c.name);
    expect(names).not.toContain(sim.idpCookies.sso);
    expect(names).not.toContain(sim.services.kommun.sessionCookie);
    await expect.poll(() => countdown.isClosed(), { timeout: 10_000 }).toBe(true);

    // The window did not close with its last tab: it shows IT's start page.
    await expect
      .poll(() => context.pages().map((p) => new URL(p.url()).hostname), { timeout: 10_000 })
      .toEqual([sim.hosts.neutral]);
  },
  TEST_TIMEOUT_MS,
);
