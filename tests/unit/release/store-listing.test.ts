/**
 * The store listings (store/<lang>/listing.md) fit the stores' limits, in every language, justify every
 * permission the manifest asks for and no other, and link the privacy policy. The limits, strictest store first (store/README.md has the sources):
 * name 45 (Edge; Firefox 50, Chrome 75), short description 132 (the manifest description: Chrome, Edge; AMO's
 * summary takes 250), description 250–10,000 (Edge; Chrome 16,000), single purpose and each permission
 * justification 1,000 (Chrome), Edge search terms 7 terms of at most 30 characters and 21 words in all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config, { HOMEPAGE_URL, SUPPORT_URL } from '../../../wxt.config';
import {
  LISTING_LANGUAGES,
  type Listing,
  manifestPermissions,
  parseListing,
  readListings,
} from '../../harness/store-listing';

const ROOT = new URL('../../../', import.meta.url);
const catalogue = (lang: string) =>
  JSON.parse(readFileSync(new URL(`public/_locales/${lang}/messages.json`, ROOT), 'utf8')) as Record<
    string,
    { message: string }
  >;
/** Characters as the stores count them (code points, not UTF-16 units). */
const length = (s: string) => [...s].length;
const listings = readListings();
const byLang = (lang: string) => listings.find((l) => l.lang === lang) as Listing;

type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: string }) => {
  permissions?: string[];
  host_permissions?: string[];
};
const manifestFor = (browser: string, manifestVersion: 2 | 3) =>
  (config.manifest as ManifestFn)({ browser, manifestVersion, mode: 'production', command: 'build' });

const FIELDS = [
  'Name',
  'Short description',
  'Description',
  'Single purpose',
  'Privacy practices',
  'Privacy policy',
  'Website',
  'Support',
  'Search terms',
];

describe('store listings', () => {
  it('exist for exactly the five languages of the extension', () => {
    expect(listings.map((l) => l.lang).sort()).toEqual([...LISTING_LANGUAGES].sort());
    expect(readdirSync(new URL('public/_locales/', ROOT)).sort()).toEqual([...LISTING_LANGUAGES].sort());
  });

  describe.each(LISTING_LANGUAGES)('%s', (lang) => {
    const listing = byLang(lang);
    const field = (name: string) => listing.fields[name] ?? '';

    it('has every field, none empty', () => {
      for (const field of FIELDS) expect(listing.fields[field], field).toMatch(/\S/);
    });

    it('fits every store’s limits', () => {
      expect(length(field('Name'))).toBeLessThanOrEqual(45);
      expect(length(field('Short description'))).toBeLessThanOrEqual(132);
      expect(length(field('Description'))).toBeGreaterThanOrEqual(250);
      expect(length(field('Description'))).toBeLessThanOrEqual(10_000);
      expect(length(field('Single purpose'))).toBeLessThanOrEqual(1000);
      for (const [permission, why] of Object.entries(listing.permissions)) {
        expect(why, permission).toMatch(/\S/);
        expect(length(why), permission).toBeLessThanOrEqual(1000);
      }
      const terms = field('Search terms')
        .split('\n')
        .map((t) => t.trim());
      expect(terms.length).toBeLessThanOrEqual(7);
      for (const term of terms) expect(length(term), term).toBeLessThanOrEqual(30);
      expect(terms.join(' ').split(/\s+/).length).toBeLessThanOrEqual(21);
    });

    it('names the extension as the package does, and its manifest texts fit Chrome and Edge', () => {
      const messages = catalogue(lang);
      const name = messages.extName?.message ?? '';
      const description = messages.extDescription?.message ?? '';
      expect(field('Name')).toBe(name);
      expect(length(name)).toBeLessThanOrEqual(45);
      expect(length(description)).toBeGreaterThan(0);
      expect(length(description)).toBeLessThanOrEqual(132);
    });

    it('links the project and a privacy policy that exists, and tells the Firefox exception', () => {
      expect(field('Website')).toBe(HOMEPAGE_URL);
      expect(field('Support')).toBe(SUPPORT_URL);
      const policy = field('Privacy policy');
      const prefix = `${HOMEPAGE_URL}/blob/main/`;
      expect(policy.startsWith(prefix)).toBe(true);
      expect(policy).toMatch(/docs\/privacy(\.[a-z]{2})?\.md$/);
      expect(existsSync(new URL(policy.slice(prefix.length), ROOT))).toBe(true);
      expect(field('Description')).toContain('/robots.txt');
      expect(field('Description')).toContain('EUPL-1.2');
    });
  });

  it.each([
    ['chrome', 3],
    ['firefox', 2],
    ['firefox', 3],
  ] as const)('justify every permission the %s MV%s manifest asks for, and no other', (browser, mv) => {
    const asked = manifestPermissions(manifestFor(browser, mv));
    const target = browser === 'firefox' ? 'firefox' : 'chrome';
    for (const listing of listings) {
      const justified = Object.keys(listing.permissions).filter((p) =>
        listing.permissionBrowsers(p).includes(target),
      );
      expect({ lang: listing.lang, permissions: justified.sort() }).toEqual({
        lang: listing.lang,
        permissions: asked,
      });
    }
  });

  it('the parser reads fields, permissions and their browsers, and refuses a block left open', () => {
    const parsed = parseListing(
      'xx',
      '## Name\n\n```text\nX\n```\n\n## Permission justifications\n\n### sessions (Firefox)\n\n```text\nwhy\n```\n',
    );
    expect(parsed.fields).toEqual({ Name: 'X' });
    expect(parsed.permissions).toEqual({ sessions: 'why' });
    expect(parsed.permissionBrowsers('sessions')).toEqual(['firefox']);
    expect(() => parseListing('xx', '## Name\n```text\nX\n')).toThrow(/not closed/);
  });
});
