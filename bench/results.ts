// The benchmark's results file (bench/results.json), kept in the repository: every run of
// `npm run bench` writes it and first compares its rows with the file as it was, so a change
// that makes something slower shows up in the run's output and in the file's diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface ResultRow {
  name: string;
  median: string;
  p95: string;
  target: string;
  result: string;
}

export interface RecordedRow extends ResultRow {
  /** the row's name without its per-run details in parentheses: what runs are compared by */
  key: string;
  /** the median as a number in `unit` (every row: lower is better) */
  value: number | null;
  unit: string;
}

export interface ResultsFile {
  recorded: string;
  machine: string;
  loadBefore: number;
  rows: RecordedRow[];
}

/** "377 ms" → 377 ms, "2.56x" → 2.56 x, "299.1 KB" → 299.1 KB; anything else has no value. */
export function parseFigure(text: string): { value: number | null; unit: string } {
  const m = /^(-?\d+(?:\.\d+)?)\s*(ms|x|KB|MB|s)$/.exec(text.trim());
  return m ? { value: Number(m[1]), unit: m[2]! } : { value: null, unit: '' };
}

export const rowKey = (name: string): string => name.replace(/\s*\([^)]*\)/g, '').trim();

export function record(rows: ResultRow[], machine: string, loadBefore: number, when = new Date()): ResultsFile {
  return {
    recorded: when.toISOString(),
    machine,
    loadBefore: Math.round(loadBefore * 100) / 100,
    rows: rows.map((r) => ({ ...r, key: rowKey(r.name), ...parseFigure(r.median) })),
  };
}

/** Rows that moved by more than `threshold` (a fraction) against the previous results. */
export function compare(previous: ResultsFile, current: ResultsFile, threshold = 0.2): string[] {
  const before = new Map(previous.rows.map((r) => [r.key, r]));
  const lines: string[] = [];
  for (const r of current.rows) {
    const p = before.get(r.key);
    if (!p || p.value === null || r.value === null || p.unit !== r.unit || p.value === 0) continue;
    const change = (r.value - p.value) / Math.abs(p.value);
    if (Math.abs(change) <= threshold) continue;
    const word = change > 0 ? 'SLOWER/LARGER' : 'faster/smaller';
    lines.push(`${word}  ${r.key}: ${p.median} -> ${r.median} (${change > 0 ? '+' : ''}${(change * 100).toFixed(0)}%)`);
  }
  for (const p of previous.rows) if (!current.rows.some((r) => r.key === p.key)) lines.push(`missing now  ${p.key} (was ${p.median})`);
  return lines;
}

export function readResults(path: string): ResultsFile | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const f = JSON.parse(readFileSync(path, 'utf8')) as ResultsFile;
    return Array.isArray(f.rows) ? f : undefined;
  } catch {
    return undefined;
  }
}

export function writeResults(path: string, f: ResultsFile): void {
  writeFileSync(path, `${JSON.stringify(f, null, 2)}\n`);
}
