// Whether glibc's DNS lookup would send a query for a host name (res_hnok after ns_name_pton):
// a name it refuses fails at once with EAI_NONAME; one it accepts goes to a resolver that this
// machine cannot reach.

/** ns_name_pton: the labels of a presentation-form name, escapes undone; null when malformed. */
function nameLabels(name: string): string[] | null {
  const labels: string[] = [];
  let label = '';
  let total = 1;
  for (let i = 0; i < name.length; i++) {
    let ch = name[i]!;
    if (ch === '\\') {
      const digits = /^\d{3}/.exec(name.slice(i + 1));
      if (digits) {
        const v = Number(digits[0]);
        if (v > 255) return null;
        ch = String.fromCharCode(v);
        i += 3;
      } else if (i + 1 < name.length) ch = name[++i]!;
      else return null;
    } else if (ch === '.') {
      // an empty label is only the root at the very end
      if (label === '' && !(labels.length === 0 && i === name.length - 1)) return null;
      if (label !== '') labels.push(label);
      total += label.length + 1;
      label = '';
      continue;
    }
    label += ch;
    if (label.length > 63) return null;
  }
  if (label !== '') {
    labels.push(label);
    total += label.length + 1;
  }
  return total > 255 ? null : labels;
}

/** res_hnok: printable, well formed, not starting with '-', letters, digits, '-' and '_' only. */
export function resHnok(name: string): boolean {
  if (name === '' || [...name].some((c) => c <= ' ' || c > '~')) return false;
  const labels = nameLabels(name);
  if (labels === null) return false;
  if (labels[0]?.startsWith('-')) return false;
  return labels.every((l) => /^[A-Za-z0-9_-]*$/.test(l));
}
