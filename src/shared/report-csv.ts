// A class report as CSV (RFC 4180, CRLF), for a spreadsheet: shared by the page (download)
// and the report script.
import type { ReportRow } from './lessons';

const CSV_HEADER = ['learner', 'file', 'machine', 'lesson', 'lesson_title', 'checks_passed', 'checks_total', 'percent', 'complete', 'claimed_complete', 'minutes', 'hints_used', 'failing', 'problem'];

function csvField(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  // a field a spreadsheet would run as a formula is made plain text
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push([r.learner, r.file, r.machine, r.lessonId, r.lessonTitle, r.checksPassed, r.checksTotal, r.percent, r.complete, r.claimedComplete, r.minutes, r.hintsUsed, r.failing.join('; '), r.problem].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
