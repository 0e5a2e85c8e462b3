/**
 * What Chromium's forms saved in a profile (the suggestions a field offers the next person): the `autofill`
 * table of the profile's "Web Data" SQLite file, read after the browser has closed (sql.js, no native build).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import initSqlJs from 'sql.js';

export interface FormEntry {
  field: string;
  value: string;
}

export async function savedFormEntries(profileDir: string): Promise<FormEntry[]> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(await readFile(join(profileDir, 'Default', 'Web Data')));
  try {
    const [result] = db.exec('SELECT name, value FROM autofill ORDER BY name');
    return (result?.values ?? []).map(([field, value]) => ({ field: String(field), value: String(value) }));
  } finally {
    db.close();
  }
}
