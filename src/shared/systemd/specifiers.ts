// The %-specifiers allowed in [Install] settings (src/shared/install-printf.c and
// src/shared/specifier.c): %n %N %p %i %j from the unit name, host and OS facts, and the
// credentials of the system manager (root, 0).
import { unitNameInstance, unitNameIsValid, unitNamePrefix, unitNamePrefixAndInstance, unitNameReplaceInstance, NAME_TEMPLATE, UNIT_NAME_MAX } from './unit-name';

/** A specifier value whose source file is missing under the root (specifier_*() return -EUNATCH). */
export const UNRESOLVED = '\0EUNATCH';

/** A letter or digit after '%' that is not in the table is an error (POSSIBLE_SPECIFIERS). */
const POSSIBLE = /^[0-9A-Za-z%]$/;

export interface SpecifierUnit {
  name: string;
  defaultInstance?: string;
}

/**
 * install_name_printf(): expands the specifiers; 'EBADSLT' for an unknown one, 'ENAMETOOLONG'
 * when the result is too long, 'EINVAL' when a name-based specifier cannot be computed.
 */
export function installNamePrintf(unit: SpecifierUnit, format: string, system: Partial<Record<string, string>> = {}): string | 'EBADSLT' | 'ENAMETOOLONG' | 'EINVAL' | 'EUNATCH' {
  const lookup = (c: string): string | undefined | 'EINVAL' | 'EUNATCH' => {
    switch (c) {
      case 'i': {
        const inst = unitNameInstance(unit.name);
        if (inst === undefined && !unitNameIsValid(unit.name)) return 'EINVAL';
        return inst === undefined || inst === '' ? (unit.defaultInstance ?? '') : inst;
      }
      case 'j': {
        const prefix = unitNamePrefix(unit.name);
        if (prefix === undefined) return 'EINVAL';
        const dash = prefix.lastIndexOf('-');
        return dash >= 0 ? prefix.slice(dash + 1) : prefix;
      }
      case 'n':
        if (unitNameIsValid(unit.name, NAME_TEMPLATE) && unit.defaultInstance !== undefined) return unitNameReplaceInstance(unit.name, unit.defaultInstance) ?? 'EINVAL';
        return unit.name;
      case 'N': {
        const p = unitNamePrefixAndInstance(unit.name);
        if (p === undefined) return 'EINVAL';
        return p.endsWith('@') && unit.defaultInstance !== undefined ? p + unit.defaultInstance : p;
      }
      case 'p':
        return unitNamePrefix(unit.name) ?? 'EINVAL';
      case 'g':
      case 'u':
        return 'root';
      case 'G':
      case 'U':
        return '0';
      case 'a':
      case 'A':
      case 'b':
      case 'B':
      case 'H':
      case 'l':
      case 'q':
      case 'm':
      case 'M':
      case 'o':
      case 'v':
      case 'w':
      case 'W': {
        const v = system[c] ?? '';
        return v === UNRESOLVED ? 'EUNATCH' : v;
      }
      default:
        return undefined;
    }
  };
  let out = '';
  let percent = false;
  for (const ch of format) {
    if (!percent) {
      if (ch === '%') percent = true;
      else out += ch;
    } else {
      percent = false;
      if (ch === '%') out += '%';
      else {
        const v = lookup(ch);
        if (v === 'EINVAL' || v === 'EUNATCH') return v;
        if (v !== undefined) out += v;
        else if (POSSIBLE.test(ch)) return 'EBADSLT';
        else out += `%${ch}`;
      }
    }
    if (out.length > UNIT_NAME_MAX) return 'ENAMETOOLONG';
  }
  // A stray '%' at the very end is kept (specifier_printf).
  return percent ? `${out}%` : out;
}
