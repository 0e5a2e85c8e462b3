#!/usr/bin/env node
/**
 * `npm run admx`: public/managed_schema.json → docs/policies/windows/admx/ (ADMX, and ADML in en-US and sv-SE,
 * for Google Chrome and Microsoft Edge).
 *   --chrome-id=<id>   the Chrome Web Store id of Safe Logout (default: the placeholder CHROME_EXTENSION_ID)
 *   --edge-id=<id>     the Edge Add-ons id (default: the placeholder EDGE_EXTENSION_ID)
 *   --out=<dir>        write there instead (e.g. for your own ids, outside the repository)
 *   --check            write nothing; exit 1 when the files in the output directory are out of date
 * The logic lives in scripts/admx/generate.mjs (typed for the unit test); this file is the command line.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from './admx/generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA = resolve(ROOT, 'public/managed_schema.json');
const OUT = resolve(ROOT, 'docs/policies/windows/admx');

function main(args) {
  const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const out = resolve(opt('out') ?? OUT);
  const files = generateAll(JSON.parse(readFileSync(SCHEMA, 'utf8')), {
    chrome: opt('chrome-id'),
    edge: opt('edge-id'),
  });
  let stale = 0;
  for (const [path, content] of files) {
    const file = resolve(out, path);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === content) continue;
    stale++;
    if (args.includes('--check')) {
      console.error(`${relative(process.cwd(), file)} is out of date: run npm run admx`);
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote ${relative(process.cwd(), file)}`);
  }
  if (args.includes('--check') && stale) process.exitCode = 1;
  else if (!stale) console.log(`${relative(process.cwd(), out)}: up to date`);
}

main(process.argv.slice(2));
