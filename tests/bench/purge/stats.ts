/** Summaries and the printed table of the purge benchmark. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** Median, min and max, rounded to `decimals` places. */
export function summarise(values: readonly number[], decimals = 1): Summary {
  const scale = 10 ** decimals;
  const round = (n: number) => Math.round(n * scale) / scale;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    median: round(median),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
    runs: values.map(round),
  };
}

export interface Row {
  label: string;
  summary: Summary;
  note: string;
}

export function table(rows: readonly Row[]): string {
  const ms = (n: number) => n.toFixed(1).padStart(8);
  const width = Math.max(...rows.map((r) => r.label.length));
  return [
    `| ${'measured'.padEnd(width)} | median ms |   min ms |   max ms | note`,
    `|${'-'.repeat(width + 2)}|----------:|---------:|---------:|------`,
    ...rows.map(
      (r) =>
        `| ${r.label.padEnd(width)} |  ${ms(r.summary.median)} | ${ms(r.summary.min)} | ${ms(r.summary.max)} | ${r.note}`,
    ),
  ].join('\n');
}
