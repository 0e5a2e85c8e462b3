/**
 * The ADMX/ADML templates in docs/policies/windows/admx/ are what `npm run admx` makes of
 * public/managed_schema.json today (stale files fail here), they are well-formed XML, and every schema key is a
 * policy of the right element type under the browser's 3rdparty path, with its texts in en-US and sv-SE.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  type Browser,
  checkId,
  generateAdml,
  generateAdmx,
  generateAll,
  LANGUAGES,
  type ManagedSchema,
} from '../../../scripts/admx/generate.mjs';
import { descendants, parseXml, type XmlElement } from './xml';

const root = join(import.meta.dirname, '../../..');
const OUT = join(root, 'docs/policies/windows/admx');
const schema = JSON.parse(readFileSync(join(root, 'public/managed_schema.json'), 'utf8')) as ManagedSchema;
const browsers = Object.keys(BROWSERS) as Browser[];

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [relative(OUT, p).split('\\').join('/')];
  });

const child = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);

describe('generated templates (npm run admx)', () => {
  it('the committed files are exactly what the generator makes of the schema now', () => {
    const expected = generateAll(schema);
    expect(filesUnder(OUT).sort()).toEqual([...expected.keys()].sort());
    for (const [path, content] of expected)
      expect(readFileSync(join(OUT, path), 'utf8'), `${path} is stale: run npm run admx`).toBe(content);
  });

  it('every file is well-formed XML of the Group Policy namespace', () => {
    for (const [path, content] of generateAll(schema)) {
      const doc = parseXml(content);
      expect(doc.name, path).toBe(path.endsWith('.admx') ? 'policyDefinitions' : 'policyDefinitionResources');
      expect(doc.attrs.xmlns).toBe('http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions');
    }
  });

  it('the XML reader refuses what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a>fish & chips</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(parseXml('<a x="&lt;1&gt;">é&amp;</a>')).toMatchObject({ attrs: { x: '<1>' }, text: 'é&' });
  });
});

describe.each(browsers)('%s ADMX', (browser) => {
  const id = BROWSERS[browser].placeholder;
  const base = `${BROWSERS[browser].root}\\3rdparty\\extensions\\${id}\\policy`;
  const admx = parseXml(generateAdmx(schema, browser, id));
  const policies = descendants(admx, 'policy');

  it('has one machine policy per schema key, under the browser’s 3rdparty path of the extension', () => {
    expect(policies.map((p) => p.attrs.name).sort()).toEqual(Object.keys(schema.properties).sort());
    for (const p of policies) {
      expect(p.attrs.class, p.attrs.name).toBe('Machine');
      expect(p.attrs.key, p.attrs.name).toBe(base);
    }
  });

  it('gives each key the element of its type: boolean, decimal, text, list', () => {
    for (const [name, prop] of Object.entries(schema.properties)) {
      const p = policies.find((x) => x.attrs.name === name)!;
      const elements = child(p, 'elements').flatMap((e) => e.children);
      if (prop.type === 'boolean') {
        // Enabled = true, Disabled = false (written as DWORD 1 / 0, which Chrome and Edge read as booleans).
        expect(p.attrs.valueName, name).toBe(name);
        expect(descendants(child(p, 'enabledValue')[0]!, 'decimal')[0]?.attrs.value, name).toBe('1');
        expect(descendants(child(p, 'disabledValue')[0]!, 'decimal')[0]?.attrs.value, name).toBe('0');
        expect(elements, name).toEqual([]);
        continue;
      }
      expect(p.attrs.valueName, `${name}: the element writes the value`).toBeUndefined();
      expect(elements, name).toHaveLength(1);
      const [el] = elements as [XmlElement];
      const want = { integer: 'decimal', string: 'text', array: 'list' }[prop.type];
      expect(el.name, name).toBe(want);
      expect(el.attrs.id).toBe(name);
      if (el.name === 'list') {
        expect(prop.items?.type, name).toBe('string');
        // A list is a subkey with values 1, 2, 3…: what Chrome reads as an array of strings.
        expect(el.attrs.key).toBe(`${base}\\${name}`);
        expect(el.attrs.valuePrefix).toBe('');
      } else {
        expect(el.attrs.valueName).toBe(name);
      }
    }
  });

  it.each(LANGUAGES)('its %s ADML has every string and presentation the ADMX refers to', (lang) => {
    const adml = parseXml(generateAdml(schema, browser, lang, id));
    const strings = new Map(descendants(adml, 'string').map((s) => [s.attrs.id, s.text]));
    const presentations = new Map(descendants(adml, 'presentation').map((p) => [p.attrs.id, p]));
    const refs = [...generateAdmx(schema, browser, id).matchAll(/\$\((string|presentation)\.([^)]+)\)/g)];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, kind, ref] of refs) {
      if (kind === 'string') expect(strings.get(ref!), `${lang} string ${ref}`).toBeTruthy();
      else {
        const pres = presentations.get(ref!);
        expect(pres, `${lang} presentation ${ref}`).toBeDefined();
        expect(pres!.children.map((c) => c.attrs.refId)).toEqual([ref]);
      }
    }
  });
});

describe('texts and ids', () => {
  it('the Swedish texts are Swedish: every title differs from the English one', () => {
    for (const browser of browsers) {
      const [en, sv] = ['en-US', 'sv-SE'].map(
        (lang) =>
          new Map(
            descendants(
              parseXml(generateAdml(schema, browser, lang, BROWSERS[browser].placeholder)),
              'string',
            ).map((s) => [s.attrs.id, s.text]),
          ),
      );
      for (const name of Object.keys(schema.properties)) expect(sv!.get(name), name).not.toBe(en!.get(name));
    }
  });

  it('a key without Swedish text, or of a type no element fits, stops the generator', () => {
    const withNew = { properties: { ...schema.properties, brandNew: { type: 'boolean', title: 'New' } } };
    expect(() => generateAll(withNew)).toThrow(/no Swedish text for policy key brandNew/);
    const withObject = { properties: { sharedComputer: { type: 'object' } } };
    expect(() => generateAdmx(withObject, 'chrome', 'CHROME_EXTENSION_ID')).toThrow(/no ADMX element/);
  });

  it('takes the store’s id (32 letters a–p) and refuses anything else', () => {
    const storeId = 'abcdefghijklmnopabcdefghijklmnop';
    const admx = generateAll(schema, { chrome: storeId }).get('safe_logout_chrome.admx')!;
    expect(admx).toContain(`Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${storeId}\\policy`);
    expect(admx).not.toContain('CHROME_EXTENSION_ID\\');
    expect(() => checkId('edge', 'not-an-id')).toThrow(/not a Microsoft Edge extension id/);
    expect(() => checkId('chrome', 'ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP')).toThrow();
  });
});
