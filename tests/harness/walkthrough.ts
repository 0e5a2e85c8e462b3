import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sim } from '../sim/server';
import { launchChromium } from './chromium';
import { type NextPersonReach, nextPersonReach } from './next-person';
import { reachTable } from './reach-table';
import { ANNA, firstPersonVisit, performTrigger, TRIGGER_LABELS, type Trigger } from './scenario';

export interface WalkthroughOptions {
  /** Screenshots go here, one folder per run. */
  outDir: string;
  triggers?: readonly Trigger[];
  /** Also run with the built extension loaded. */
  withExtension: boolean;
  /** Wait after the trigger before the next person sits down (the extension may still be working). */
  settleMs?: number;
  log?: (line: string) => void;
  /** Checked before each run: true ends the walkthrough early (Ctrl-C). */
  shouldStop?: () => boolean;
}

export interface WalkthroughRun {
  trigger: Trigger;
  withExtension: boolean;
  reach: NextPersonReach | null;
  error?: string;
  dir: string;
}

const TRIGGER_TITLES: Record<Trigger, string> = {
  'logout-link': 'Site logout (link)',
  'logout-form': 'Site logout (button)',
  'logout-script': 'Site logout (script, no page load)',
  'close-tab': 'Close the tab',
  restart: 'Restart the browser',
  crash: 'Browser crash',
  button: '“Log out and clear”',
};

/**
 * The scripted walkthrough: for each trigger, Anna uses the e-service and leaves; the next person sits
 * down. Run without and with the extension; the with-extension column is whatever the extension did.
 */
export async function runWalkthrough(sim: Sim, o: WalkthroughOptions): Promise<WalkthroughRun[]> {
  const log = o.log ?? console.log;
  const triggers = o.triggers ?? ['logout-link', 'close-tab', 'restart'];
  const runs: WalkthroughRun[] = [];
  for (const withExtension of o.withExtension ? [false, true] : [false]) {
    for (const trigger of triggers) {
      if (o.shouldStop?.()) return runs;
      const dir = join(o.outDir, `${withExtension ? 'with' : 'without'}-extension-${trigger}`);
      await mkdir(dir, { recursive: true });
      log('');
      log(`${withExtension ? 'WITH' : 'Without'} the extension — ${TRIGGER_TITLES[trigger]}`);
      const brief = runs.length > 0;
      try {
        const reach = await oneRun(sim, trigger, withExtension, dir, o, log, brief);
        runs.push({ trigger, withExtension, dir, reach });
      } catch (e) {
        log(`   The run failed: ${e instanceof Error ? e.message : String(e)}`);
        runs.push({ trigger, withExtension, dir, reach: null, error: String(e) });
      }
    }
  }
  if (o.shouldStop?.()) return runs;
  log('');
  log(`What the next person could reach of ${ANNA.name}’s data`);
  for (const trigger of triggers) {
    const col = (withExtension: boolean) => {
      const run = runs.find((r) => r.trigger === trigger && r.withExtension === withExtension);
      const missing = o.withExtension || !withExtension ? 'run failed' : 'not run';
      return {
        heading: withExtension ? 'WITH extension' : 'without extension',
        reach: run?.reach ?? null,
        missing,
      };
    };
    log('');
    log(`${TRIGGER_TITLES[trigger]}: Anna ${TRIGGER_LABELS[trigger]}`);
    log(reachTable([col(false), col(true)], ANNA.name));
  }
  log('');
  log('Every YES is something of Anna’s that the next person at the computer can reach.');
  log('With the extension doing its job, every row should say “no” (or 0) and Lokaltidningen “kept”.');
  log(`Screenshots: ${o.outDir}`);
  return runs;
}

async function oneRun(
  sim: Sim,
  trigger: Trigger,
  withExtension: boolean,
  dir: string,
  o: WalkthroughOptions,
  log: (line: string) => void,
  brief: boolean,
): Promise<NextPersonReach> {
  const session = await launchChromium(sim, { withExtension });
  let n = 0;
  const say = (s: string) => log(`  ${++n}. ${s}`);
  let shots = 0;
  const shotPath = (name: string) => join(dir, `${String(++shots).padStart(2, '0')}-${name}.png`);
  try {
    const page = await firstPersonVisit(session, sim, ANNA, {
      step: async (done, p) => {
        const shot = (name: string) => p.screenshot(shotPath(name));
        if (brief) {
          if (done === 'overview') {
            say(
              'As before, Anna reads Lokaltidningen, logs in to Järfälla e-tjänster with BankID, opens her receipt.',
            );
          }
          await shot(done);
        } else if (done === 'newspaper') {
          say('Anna reads Lokaltidningen, the local newspaper (it keeps a cookie and localStorage).');
          await shot('lokaltidningen');
        } else if (done === 'logged-in') {
          say(
            `Anna logs in to Järfälla e-tjänster with BankID: she types her name and personnummer at ${sim.hosts.idp}.`,
          );
          await shot('mina-sidor');
        } else if (done === 'receipt') {
          say('She opens her receipt (the site lets the browser cache it for an hour).');
          await shot('kvitto');
        } else {
          say(
            'Back on Mina sidor: her data is now in cookies, site storage, Cache Storage and an IdP iframe.',
          );
        }
      },
    });
    const { cookieWaitMs } = await performTrigger(session, page, sim, trigger);
    if (trigger === 'logout-link' || trigger === 'logout-form' || trigger === 'logout-script') {
      say(
        `She ${TRIGGER_LABELS[trigger].replace(/s$/, '')}. The site answers “${await page.page.locator('h1').textContent()}”.`,
      );
      await page.screenshot(shotPath('utloggad'));
    } else {
      say(
        `Anna ${TRIGGER_LABELS[trigger]}${cookieWaitMs ? ` (after ${Math.round(cookieWaitMs / 1000)} s)` : ''}.`,
      );
    }
    const settleMs = o.settleMs ?? 2_000;
    say(`She walks away. ${settleMs / 1000} s later the next person sits down and opens a new tab.`);
    await new Promise((r) => setTimeout(r, settleMs));
    say('The next person opens the receipt, looks at what the sites have stored, and checks Lokaltidningen.');
    const reach = await nextPersonReach(session, sim, { screenshotDir: dir });
    const who = (k: 'kommun' | 'vklass') =>
      reach.login[k].loggedInAs ? `logged in as ${reach.login[k].loggedInAs}` : 'asked to log in';
    say(`The next person opens Järfälla e-tjänster and presses Logga in, typing nothing: ${who('kommun')}.`);
    say(`The next person opens Vklass and presses Logga in, typing nothing: ${who('vklass')}.`);
    return reach;
  } finally {
    await session.close();
  }
}
