/**
 * Reads the store listings (store/<lang>/listing.md, layout in store/README.md): each `## Field` (and each
 * `### permission` under `## Permission justifications`) holds its text in one ```text block, pasted as it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const STORE_DIR = fileURLToPath(new URL('../../store/', import.meta.url));
export const LISTING_LANGUAGES = ['sv', 'en', 'nb', 'da', 'fi'] as const;
export const PERMISSIONS_FIELD = 'Permission justifications';

export interface Listing {
  lang: string;
  /** `## Field` → its text. */
  fields: Record<string, string>;
  /** Permission (as the manifest spells it) → its justification. */
  permissions: Record<string, string>;
  /** The browsers a permission's heading says it is for: `(Firefox)` marks one only Firefox asks for. */
  permissionBrowsers(permission: string): ('chrome' | 'firefox')[];
}

export function parseListing(lang: string, text: string): Listing {
  const fields: Record<string, string> = {};
  const permissions: Record<string, string> = {};
  const firefoxOnly = new Set<string>();
  let field: string | undefined;
  let permission: string | undefined;
  let block: string[] | undefined;
  for (const line of text.split('\n')) {
    if (block) {
      if (line.trim() === '```') {
        const value = block.join('\n').trim();
        if (permission) permissions[permission] = value;
        else if (field) fields[field] = value;
        else throw new Error(`store/${lang}/listing.md: a text block outside any field`);
        block = undefined;
      } else block.push(line);
    } else if (line.startsWith('```text')) block = [];
    else if (line.startsWith('## ')) {
      field = line.slice(3).trim();
      permission = undefined;
    } else if (line.startsWith('### ')) {
      if (field !== PERMISSIONS_FIELD)
        throw new Error(`store/${lang}/listing.md: ${line} outside permissions`);
      const heading = line.slice(4).trim();
      permission = (heading.split(/\s+/)[0] ?? '').replaceAll('`', '');
      if (/\(Firefox\)/.test(heading)) firefoxOnly.add(permission);
    }
  }
  if (block) throw new Error(`store/${lang}/listing.md: a text block is not closed`);
  return {
    lang,
    fields,
    permissions,
    permissionBrowsers: (p) => (firefoxOnly.has(p) ? ['firefox'] : ['chrome', 'firefox']),
  };
}

/** Every store/<lang>/listing.md. */
export function readListings(): Listing[] {
  return readdirSync(STORE_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'images')
    .map((d) => parseListing(d.name, readFileSync(`${STORE_DIR}${d.name}/listing.md`, 'utf8')));
}

/** What a manifest asks for: API permissions and host patterns (MV3 `host_permissions`, MV2 in `permissions`). */
export function manifestPermissions(manifest: {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
}): string[] {
  return [
    ...new Set([
      ...(manifest.permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_permissions ?? []),
    ]),
  ].sort();
}
