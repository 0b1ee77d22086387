// systemd's configuration file syntax as conf-parser.c reads it for networkd (CONFIG_PARSE_WARN):
// sections, KEY=VALUE assignments, comments, backslash continuations, and the messages it logs
// for lines it cannot use ("FILE:LINE: MESSAGE").

export interface Assignment {
  section: string;
  /** Line of the section header (networkd keys [Address]/[Route] sections by it). */
  sectionLine: number;
  key: string;
  value: string;
  line: number;
}

export interface LogLine {
  priority: number;
  message: string;
  /** The file line it is about: parsing logs in line order, whichever stage noticed. */
  line?: number;
}

export interface ParsedIni {
  assignments: Assignment[];
  logs: LogLine[];
  /** Set when parsing stopped (an invalid section header): the strerror text of the failure. */
  failed?: string;
}

const WARNING = 4;
const ERR = 3;

/**
 * Parses `text`. `known` maps each section to its keys; a section missing from it is reported
 * as unknown unless it is listed in `ignored` (sections another parsing pass handles).
 */
export function parseIni(file: string, text: string, known: Record<string, string>, ignored: readonly string[] = []): ParsedIni {
  const out: ParsedIni = { assignments: [], logs: [] };
  const log = (priority: number, line: number, message: string): void => {
    out.logs.push({ priority, message: `${file}:${line}: ${message}`, line });
  };
  const keys = new Map(Object.entries(known).map(([s, k]) => [s, new Set(k.split(' '))]));
  let section: string | undefined;
  let sectionLine = 0;
  let sectionIgnored = false;
  let continuation = '';
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const number = i + 1;
    let l = lines[i]!;
    // comment lines are dropped even inside a continuation (conf-parser.c)
    const lead = l.trimStart();
    if (lead.startsWith('#') || lead.startsWith(';')) continue;
    if (l.endsWith('\\')) {
      continuation += `${l.slice(0, -1)} `;
      continue;
    }
    if (continuation) {
      l = continuation + l;
      continuation = '';
    }
    l = l.trim();
    if (!l) continue;
    if (l.startsWith('[')) {
      if (!l.endsWith(']')) {
        log(ERR, number, `Invalid section header '${l}'`);
        out.logs.push({ priority: WARNING, message: `${file}:${number}: Failed to parse file: Bad message` });
        out.failed = 'Bad message';
        return out;
      }
      const name = l.slice(1, -1);
      if (keys.has(name)) {
        section = name;
        sectionLine = number;
        sectionIgnored = false;
      } else {
        if (!name.startsWith('X-') && !ignored.includes(name)) log(WARNING, number, `Unknown section '${name}'. Ignoring.`);
        section = undefined;
        sectionLine = 0;
        sectionIgnored = true;
      }
      continue;
    }
    if (section === undefined) {
      if (!sectionIgnored) log(WARNING, number, 'Assignment outside of section. Ignoring.');
      continue;
    }
    const eq = l.indexOf('=');
    if (eq < 0) {
      log(WARNING, number, "Missing '=', ignoring line.");
      continue;
    }
    if (eq === 0) {
      log(WARNING, number, "Missing key name before '=', ignoring line.");
      continue;
    }
    const key = l.slice(0, eq).trim();
    const value = l.slice(eq + 1).trim();
    if (!keys.get(section)!.has(key)) {
      // conf-parser.c next_assignment() in systemd 252 and later (libsystemd-shared-252.so has
      // "Unknown key '%s'%s%s%s, ignoring."; the "Unknown key name" wording is older)
      if (!key.startsWith('X-')) log(WARNING, number, `Unknown key '${key}' in section [${section}], ignoring.`);
      continue;
    }
    out.assignments.push({ section, sectionLine, key, value, line: number });
  }
  return out;
}
