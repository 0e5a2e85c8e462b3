/**
 * The store packages as `npm run zip` makes them (WXT's own `zip`, the code behind the CLI, into a folder of
 * its own so the build the other tests load is left alone): the Chrome and Edge stores refuse a manifest with
 * `key`, so no zip carries one, while the unpacked build keeps it (the fixed development id); the Firefox zip
 * keeps its gecko id and passes `web-ext lint`; the sources zip Firefox's review asks for holds the sources and
 * nothing else; every permission the built manifests ask for is justified in every store listing.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID, HOMEPAGE_URL } from '../../wxt.config';
import { readZip } from '../harness/read-zip';
import { manifestPermissions, readListings } from '../harness/store-listing';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BROWSERS = ['chrome', 'edge', 'firefox'] as const;
type Browser = (typeof BROWSERS)[number];

/** Builds and zips for one browser, as the CLI does, with the output in `outDir`. */
async function zipFor(browser: Browser, outDir: string): Promise<void> {
  const script = `const { zip } = await import('wxt'); await zip({ browser: ${JSON.stringify(browser)}, outDir: ${JSON.stringify(outDir)} });`;
  await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, maxBuffer: 1 << 24 });
}

const json = (b: Buffer | undefined) => JSON.parse(b?.toString('utf8') ?? 'null');

describe('store packages (npm run zip)', () => {
  let out: string;
  const zips = new Map<string, Map<string, Buffer>>();

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'safe-logout-zip-'));
    for (const browser of BROWSERS) await zipFor(browser, out);
    for (const name of readdirSync(out).filter((n) => n.endsWith('.zip')))
      zips.set(name, readZip(join(out, name)));
  }, 240_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  const zipOf = (suffix: string) => {
    const name = [...zips.keys()].find((n) => n.endsWith(`-${suffix}.zip`));
    if (!name) throw new Error(`no *-${suffix}.zip among ${[...zips.keys()].join(', ')}`);
    return zips.get(name)!;
  };

  it('makes a Chrome, an Edge, a Firefox and a sources zip', () => {
    expect([...zips.keys()].map((n) => n.replace(/^.*-/, '')).sort()).toEqual([
      'chrome.zip',
      'edge.zip',
      'firefox.zip',
      'sources.zip',
    ]);
  });

  it.each(BROWSERS)('the %s zip has no `key` and links the project', (browser) => {
    const manifest = json(zipOf(browser).get('manifest.json'));
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest).not.toHaveProperty('key');
    expect(manifest.homepage_url).toBe(HOMEPAGE_URL);
  });

  it('the unpacked Chromium build keeps `key` (the fixed development id), identical otherwise', () => {
    const unpacked = JSON.parse(readFileSync(join(out, 'chrome-mv3', 'manifest.json'), 'utf8'));
    expect(unpacked.key).toMatch(/^MIIBIjAN/);
    const { key: _, ...rest } = unpacked;
    expect(json(zipOf('chrome').get('manifest.json'))).toEqual(rest);
  });

  it('the Firefox zip keeps its add-on id and declares no data collection', () => {
    const gecko = json(zipOf('firefox').get('manifest.json')).browser_specific_settings?.gecko;
    expect(gecko?.id).toBe(GECKO_ID);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('the Firefox zip passes web-ext lint without errors', async () => {
    const dir = join(out, 'firefox-unzipped');
    for (const [name, data] of zipOf('firefox')) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    const webExt = join(ROOT, 'node_modules', '.bin', 'web-ext');
    const { stdout } = await run(webExt, ['lint', '--source-dir', dir, '--output', 'json', '--no-input'], {
      cwd: ROOT,
      maxBuffer: 1 << 24,
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(stdout);
    expect(report.errors.map((e: { code: string; file?: string }) => `${e.code} ${e.file ?? ''}`)).toEqual(
      [],
    );
  }, 60_000);

  it('the sources zip holds the sources to build from, and no logs, keys, secrets or build output', () => {
    const names = [...zipOf('sources').keys()];
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints/background.ts'])
      expect(names).toContain(needed);
    const forbidden = names.filter((n) =>
      /(^|\/)(node_modules|\.output|\.wxt|\.git|test-results|coverage|walkthrough)\/|\.(log|pem|crx|key|p12|env)$|(^|\/)\.env/.test(
        n,
      ),
    );
    expect(forbidden).toEqual([]);
  });

  it.each(['chrome', 'firefox'] as const)(
    'every permission of the built %s manifest is justified in every listing, none stale',
    (browser) => {
      const asked = manifestPermissions(json(zipOf(browser).get('manifest.json')));
      for (const listing of readListings()) {
        const justified = Object.keys(listing.permissions).filter((p) =>
          listing.permissionBrowsers(p).includes(browser),
        );
        expect({ lang: listing.lang, permissions: justified.sort() }).toEqual({
          lang: listing.lang,
          permissions: asked,
        });
      }
    },
  );
});
