/**
 * Downloads on a shared computer, in real Chromium: with IT's shared-computer mode (which turns
 * `clearDownloads` on), the decision PDF the resident downloaded from the kommun's e-service is gone from the
 * disk and from the download list after the purge; a file from an unrelated site stays.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allCookies, type ChromiumSession } from '../harness/chromium';
import { downloadPdf, loginAs, readNewspaper } from '../harness/person';
import {
  type ChromiumPolicy,
  chromiumPolicy,
  extensionPolicy,
  inExtensionPage,
  launchWithPolicy,
} from '../harness/policy';
import { ANNA } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

let sim: Sim;
let policy: ChromiumPolicy;
let session: ChromiumSession | undefined;

beforeAll(async () => {
  sim = await startSim();
  policy = await chromiumPolicy();
});

afterAll(async () => {
  await session?.close();
  await policy?.dispose();
  await sim?.close();
});

interface Listed {
  url: string;
  filename: string;
  exists: boolean;
  state: string;
}

/** The browser's download list (chrome.downloads, read from an extension page). */
const downloadList = (s: ChromiumSession) =>
  inExtensionPage(s.context, async () => {
    const api = (globalThis as unknown as { chrome: { downloads: { search(q: object): Promise<Listed[]> } } })
      .chrome.downloads;
    return (await api.search({})).map(({ url, filename, exists, state }) => ({
      url,
      filename,
      exists,
      state,
    }));
  });

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

it('a PDF downloaded from the e-service is deleted from disk and from the list at the purge; other files stay', async () => {
  await policy.write(extensionPolicy({ sharedComputer: true }));
  let settings: Awaited<ReturnType<typeof launchWithPolicy>>['settings'];
  ({ session, settings } = await launchWithPolicy(sim, (s) => s.sharedComputer));
  expect(settings.clearDownloads).toBe(true);
  expect(settings.locked).toContain('clearDownloads');

  // An unrelated download first: a file the newspaper hands out.
  const news = await session.context.newPage();
  await readNewspaper(news, sim);
  const [newsDownload] = await Promise.all([
    news.waitForEvent('download'),
    news.evaluate(() => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob(['Korsord vecka 48'], { type: 'text/plain' }));
      a.download = 'korsord.txt';
      document.body.append(a);
      a.click();
    }),
  ]);
  const newsFile = await newsDownload.path();

  // Anna logs in and downloads her decision letter.
  const page = await session.context.newPage();
  await loginAs(page, sim.urls.kommun, ANNA);
  const pdf = await downloadPdf(page);
  const pdfFile = await pdf.path();
  expect(existsSync(pdfFile), 'the PDF is on disk').toBe(true);
  const listed = await until('both downloads in the list', async () => {
    const l = await downloadList(session!);
    return l.filter((d) => d.state === 'complete').length === 2 ? l : undefined;
  });
  expect(listed.map((d) => new URL(d.url).hostname)).toContain(sim.hosts.kommun);

  // She leaves: the tab closes, the group is purged.
  await page.close();
  await until('the kommun session purged', async () =>
    (await allCookies(session!.context)).some((c) => c.name === sim.services.kommun.sessionCookie)
      ? undefined
      : true,
  );
  await until('the PDF gone from disk', async () => (existsSync(pdfFile) ? undefined : true));
  const left = await until('the PDF gone from the list', async () => {
    const l = await downloadList(session!);
    return l.some((d) => d.url.includes(sim.hosts.kommun)) ? undefined : l;
  });
  expect(left, 'the newspaper’s file is still listed').toHaveLength(1);
  expect(left[0]!.exists).toBe(true);
  expect(existsSync(newsFile), 'the newspaper’s file is still on disk').toBe(true);
});
