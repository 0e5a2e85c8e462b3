/**
 * Excluded means excluded on Firefox's recently-closed list too: when Järfälla's group is purged, the closed
 * tabs of its e-service leave the list (a reopened tab brings its sessionStorage back), but a closed tab of
 * IT's excluded library under jarfalla.se stays, as every other site's does. Plan and executor over the
 * in-memory Firefox: state read afterwards.
 */
import { describe, expect, it } from 'vitest';
import { createFakePort } from '@/tests/fakes/fake-port';
import { executePurge, type PurgeJournal } from '@/utils/purge/execute';
import { planPurge } from '@/utils/purge/plan';
import type { SessionGroup } from '@/utils/session-groups/types';

const T0 = 1_764_320_000_000;
const now = () => T0;
const ESERVICE = 'https://e-tjanster.jarfalla.se';
const LIBRARY = 'https://bibliotek.jarfalla.se';
const NEWS = 'https://www.lokaltidningen.se';

const journal = () => ({ save: async (_: PurgeJournal) => {} });

function world() {
  const port = createFakePort({ now, engine: 'firefox' });
  const kommun = port.openTab({ url: `${ESERVICE}/mina-sidor` });
  const library = port.openTab({ url: `${LIBRARY}/lan` });
  const news = port.openTab({ url: `${NEWS}/nyheter` });
  for (const id of [kommun, library, news]) port.personClosesTab(id);
  const group: SessionGroup = {
    id: 'g-se-kommun-0123',
    sites: [
      { ruleId: 'se-kommun-0123', label: 'Järfälla kommun', scopeDomain: 'jarfalla.se', kind: 'kommun' },
    ],
    hosts: ['e-tjanster.jarfalla.se'],
    origins: [ESERVICE],
    urls: [`${ESERVICE}/mina-sidor`],
    tabIds: [],
    startedAt: T0 - 60_000,
    lastSeenAt: T0,
  };
  return { port, group };
}

const plan = async (w: ReturnType<typeof world>, excluded: readonly string[]) =>
  planPurge({
    id: 'p',
    trigger: 'button',
    now: T0,
    groups: [w.group],
    tabs: await w.port.listTabs(),
    clearHistory: true,
    clearDownloads: true,
    excluded,
  });

describe('the recently-closed list with excluded domains (Firefox)', () => {
  it('the plan names the excluded hosts for the closed-tabs step', async () => {
    const p = await plan(world(), ['bibliotek.jarfalla.se']);
    expect(p.closedTabs).toEqual({
      hosts: ['e-tjanster.jarfalla.se'],
      domains: ['jarfalla.se'],
      excluded: ['bibliotek.jarfalla.se'],
    });
  });

  it('Järfälla’s closed tab goes; the excluded library’s closed tab stays, as the newspaper’s does', async () => {
    const w = world();
    const report = await executePurge(await plan(w, ['bibliotek.jarfalla.se']), {
      port: w.port,
      journal: journal(),
      now,
    });
    expect(report.failures).toEqual([]);
    expect([...w.port.snapshot().closedTabs].sort()).toEqual([`${LIBRARY}/lan`, `${NEWS}/nyheter`]);
  });

  it('with nothing excluded the library’s closed tab goes with Järfälla’s (it is under the group’s domain)', async () => {
    const w = world();
    await executePurge(await plan(w, []), { port: w.port, journal: journal(), now });
    expect(w.port.snapshot().closedTabs).toEqual([`${NEWS}/nyheter`]);
  });
});
