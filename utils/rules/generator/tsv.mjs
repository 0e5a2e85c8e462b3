/** Tab-separated files of data/domains: one header line, then one record a line. */

/**
 * @param {string} text
 * @param {string} file name, for error messages
 * @param {readonly string[]} required columns that must exist
 * @returns {Array<Record<string, string> & { line: number }>}
 */
export function parseTsv(text, file, required) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  for (const column of required) {
    if (!header.includes(column)) throw new Error(`${file}: missing column "${column}"`);
  }
  const rows = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    /** @type {Record<string, string> & { line: number }} */
    const row = { line: i + 1 };
    header.forEach((column, j) => {
      row[column] = (cells[j] ?? '').trim();
    });
    rows.push(row);
  }
  return rows;
}
