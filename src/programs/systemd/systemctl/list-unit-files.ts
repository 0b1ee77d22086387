// list-unit-files (src/systemctl/systemctl-list-unit-files.c): UNIT FILE / STATE / PRESET,
// sorted by type suffix then name (case-insensitively), "N unit files listed." under it, and
// exit status 1 when nothing matched.
import { unitFileGetList, type UnitFileListEntry } from '../../../shared/systemd/install-state';
import { basename } from '../../../shared/systemd/lookup-paths';
import { queryPreset, readPresets, type Presets } from '../../../shared/systemd/presets';
import { ANSI, formatTable, formatTableJson, jsonFramed, type Cell } from '../../../shared/systemd/table';
import type { UnitFileState } from '../../../shared/systemd/install-types';
import type { Session } from './session';

function suffix(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot >= 0 ? path.slice(dot) : '';
}

function caseCompare(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** show_preset_for_state(): the PRESET column is '-' for these. */
export function showPresetForState(state: UnitFileState): boolean {
  return state !== 'alias' && state !== 'static' && state !== 'generated' && state !== 'transient';
}

function stateColor(state: UnitFileState, underline: boolean): string | undefined {
  if (state === 'masked' || state === 'masked-runtime' || state === 'disabled' || state === 'bad') return underline ? ANSI.highlightRedUnderline : ANSI.highlightRed;
  if (state === 'enabled' || state === 'alias') return underline ? ANSI.highlightGreenUnderline : ANSI.highlightGreen;
  return underline ? ANSI.underline : undefined;
}

export async function verbListUnitFiles(s: Session, patterns: string[]): Promise<number> {
  if (await s.noBus()) return 1;
  const env = s.newEnv();
  const map = await unitFileGetList(env, s.opts.states, patterns);
  const units: UnitFileListEntry[] = [...map.values()].filter((u) => s.opts.types.length === 0 || s.opts.types.includes(suffix(u.path).slice(1)));
  units.sort((a, b) => caseCompare(suffix(a.path), suffix(b.path)) || caseCompare(basename(a.path), basename(b.path)));
  let presets: Presets | undefined;
  const rows: Cell[][] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const next = units[i + 1];
    const underline = next !== undefined && suffix(u.path) !== suffix(next.path);
    const ul = underline ? ANSI.underline : undefined;
    const row: Cell[] = [
      { text: basename(u.path), ...(ul ? { color: ul, rgap: ul } : {}) },
      { text: u.state, ...withColor(stateColor(u.state, underline)) },
    ];
    if (showPresetForState(u.state)) {
      presets ??= await readPresets(env);
      const enabled = queryPreset(basename(u.path), presets).enable;
      const c = enabled ? (underline ? ANSI.highlightGreenUnderline : ANSI.highlightGreen) : underline ? ANSI.highlightRedUnderline : ANSI.highlightRed;
      row.push({ text: enabled ? 'enabled' : 'disabled', color: c, rgap: c });
    } else {
      const c = underline ? ANSI.greyUnderline : ANSI.grey;
      row.push({ text: '', color: c, rgap: c });
    }
    rows.push(row);
  }
  const legend = s.opts.legend !== false;
  if (s.opts.output.startsWith('json')) {
    await s.output(jsonFramed(s.opts.output, formatTableJson(['unit file', 'state', 'preset'], rows, s.opts.output === 'json-pretty')));
    return units.length === 0 ? 1 : 0;
  }
  let text = formatTable(['unit file', 'state', 'preset'], rows, { header: legend, colors: s.colors(), ersatz: '-' });
  if (legend) text += `\n${units.length} unit files listed.\n`;
  await s.output(text);
  return units.length === 0 ? 1 : 0;
}

function withColor(c: string | undefined): { color?: string; rgap?: string } {
  return c === undefined ? {} : { color: c, rgap: c };
}
