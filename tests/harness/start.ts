import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startSim } from '../sim/server';
import { closeAllSessions, EXTENSION_DIR, REPO_ROOT } from './chromium';
import { runHeaded } from './headed';
import { runWalkthrough } from './walkthrough';

/**
 * `npm start` (through scripts/start.mjs): with a display, a visible Chromium on the simulated
 * municipality; without one (or with `--walkthrough`), the scripted walkthrough.
 */
export async function start(argv: readonly string[], stop: Promise<void>): Promise<void> {
  const withExtension = existsSync(join(EXTENSION_DIR, 'manifest.json'));
  if (!withExtension)
    console.log(`No built extension in ${EXTENSION_DIR} (run npm run build:chrome): runs without it.`);
  const sim = await startSim();
  try {
    const h = sim.hosts;
    console.log(`Simulated municipality on 127.0.0.1:${sim.port} (HTTPS; hostnames mapped by the browser):`);
    console.log(`  ${h.kommun} (Järfälla e-tjänster), ${h.vklass} (Vklass), ${h.idp} (BankID login, SSO),`);
    console.log(`  ${h.newspaper} (unrelated local newspaper)`);
    if (process.env.DISPLAY && !argv.includes('--walkthrough')) {
      await runHeaded(sim, { withExtension, stop });
      return;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const outDir = join(REPO_ROOT, 'walkthrough', stamp);
    console.log('');
    console.log(
      'No display: a scripted walkthrough in a headless Chromium. Anna uses the e-service and leaves;',
    );
    console.log('then the next person sits down at the same computer.');
    let stopped = false;
    void stop.then(() => {
      stopped = true;
      void closeAllSessions(); // the current run fails fast; its own cleanup still runs
    });
    await runWalkthrough(sim, {
      outDir: relative(process.cwd(), outDir) || outDir,
      withExtension,
      shouldStop: () => stopped,
    });
  } finally {
    await closeAllSessions();
    await sim.close();
  }
}
