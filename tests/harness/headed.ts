import type { Sim } from '../sim/server';
import { type ChromiumSession, launchChromium } from './chromium';

/**
 * A visible Chromium on the simulated municipality, for trying things by hand. Resolves when the
 * person closes the browser or `stop` resolves (Ctrl-C).
 */
export async function runHeaded(
  sim: Sim,
  o: { withExtension: boolean; stop: Promise<void>; log?: (line: string) => void },
): Promise<void> {
  const log = o.log ?? console.log;
  const session: ChromiumSession = await launchChromium(sim, {
    headless: false,
    withExtension: o.withExtension,
  });
  try {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(sim.urls.kommun.start);
    log(`Chromium is open on ${sim.urls.kommun.start}${o.withExtension ? ' with Safe Logout loaded' : ''}.`);
    log('Log in with any name and personnummer (no real BankID), then try:');
    log(
      `  • “Logga ut”, then ${sim.urls.kommun.login} or ${sim.urls.vklass.login}: are you let in without typing?`,
    );
    log(
      `  • ${sim.urls.kommun.state} shows what the e-service has stored; ${sim.urls.idp.state} the IdP's SSO.`,
    );
    log(`  • ${sim.urls.newspaper.start} is an unrelated site whose data should survive.`);
    log('Press Ctrl-C here (or close the browser) to stop.');
    await Promise.race([o.stop, new Promise<void>((r) => session.context.once('close', () => r()))]);
  } finally {
    await session.close();
  }
}
