#!/usr/bin/env node
/**
 * `npm run rules`: data/domains/*.tsv → utils/rules/generated/packs.ts.
 *   SAFE_LOGOUT_DOMAINS_DIR=<dir>   read the TSV files from <dir> instead of the repository's data/domains
 *   --check                         write nothing; exit 1 when packs.ts is out of date
 * The logic lives in utils/rules/generator/ (typed for the sync test); this file is the command line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPacks, resolveDomainsDir } from '../utils/rules/generator/build-packs.mjs';

export { buildPacks };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = resolve(ROOT, 'utils/rules/generated/packs.ts');

function main(args) {
  const dir = resolveDomainsDir(ROOT);
  const source = buildPacks(dir);
  const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
  const shown = relative(process.cwd(), OUTPUT);
  if (args.includes('--check')) {
    if (current !== source) {
      console.error(`${shown} is out of date: run npm run rules`);
      process.exitCode = 1;
    }
    return;
  }
  if (current === source) {
    console.log(`${shown} is up to date (${dir})`);
  } else {
    writeFileSync(OUTPUT, source);
    console.log(`wrote ${shown} from ${dir}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
