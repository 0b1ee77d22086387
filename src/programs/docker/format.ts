// How the docker CLI lays out what it lists: the tables of `docker ps` and `docker images` with
// their column values (formatter/container.go, formatter/image.go), custom --format templates,
// and the small helpers (truncated ids, quoted commands, port lists).
import { humanDuration, humanSizeWithPrecision } from '../../shared/docker-units';
import type { ContainerInfo, ImageInfo } from '../../shared/services/docker';
import { tabwrite } from '../../shared/tabwriter';
import { dockerPreFormat } from '../../shared/gotemplate';
import { render, renderHeader, TemplateError } from './template';

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

/** strconv.Quote then an ellipsis at 20 characters, as the COMMAND column shows it. */
export function commandText(c: ContainerInfo, trunc: boolean): string {
  const cmd = [c.path, ...c.args].join(' ');
  const quoted = JSON.stringify(cmd);
  if (!trunc) return quoted;
  return ellipsis(quoted, 20);
}

/** Ellipsis as docker's formatter does it: keep width-1 characters and add "…". */
export function ellipsis(s: string, width: number): string {
  const chars = [...s];
  if (chars.length <= width) return s;
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** The PORTS column: published bindings grouped as docker prints them, then exposed-only ports. */
export function portsText(c: ContainerInfo): string {
  const out: string[] = [];
  const seen = new Set<string>();
  const keys = Object.keys(c.published).sort((a, b) => Number(a.split('/')[0]) - Number(b.split('/')[0]));
  for (const key of keys) {
    for (const b of c.published[key]!) {
      const host = b.HostIp === '::' ? ':::' : `${b.HostIp || '0.0.0.0'}:`;
      out.push(`${host}${b.HostPort}->${key}`);
      seen.add(key);
    }
  }
  if (c.running) for (const key of Object.keys(c.config.ExposedPorts ?? {}).sort()) if (!seen.has(key)) out.push(key);
  return out.join(', ');
}

export interface ContainerRow {
  ID: string;
  Image: string;
  Command: string;
  CreatedAt: string;
  RunningFor: string;
  Ports: string;
  State: string;
  Status: string;
  Size: string;
  Names: string;
  Labels: string;
  Mounts: string;
  Networks: string;
  Label: (name: string) => string;
}

export function containerRow(c: ContainerInfo, now: number, trunc: boolean): ContainerRow {
  const created = Date.parse(c.created);
  return {
    ID: trunc ? shortId(c.id) : c.id,
    Image: c.image,
    Command: commandText(c, trunc),
    CreatedAt: new Date(created).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC'),
    RunningFor: `${humanDuration(now - created)} ago`,
    Ports: portsText(c),
    State: c.status,
    Status: c.statusText,
    Size: '0B',
    Names: c.name,
    Labels: Object.entries(c.config.Labels ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
    Mounts: (c.mounts ?? []).map((m) => (trunc ? ellipsis(m.Name || m.Source, 15) : m.Name || m.Source)).join(','),
    Networks: c.networks ? Object.keys(c.networks).join(',') : c.network.name,
    Label: (name: string) => c.config.Labels?.[name] ?? '',
  };
}

export const PS_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
export const IMAGES_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';

const HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS', State: 'STATE',
  Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS', Mounts: 'MOUNTS', Networks: 'NETWORKS',
  Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', CreatedSince: 'CREATED', Containers: 'CONTAINERS', CreatedBy: 'CREATED BY', Comment: 'COMMENT',
};

/** The header row: the template run over the column titles, as docker renders table headers. */
function headerOf(format: string, idHeader: string, fields: string[], own: Record<string, string> = {}): string {
  const titles: Record<string, string> = {};
  for (const f of fields) titles[f] = own[f] ?? (f === 'ID' ? idHeader : HEADERS[f] ?? f.toUpperCase());
  try {
    return renderHeader(format, titles);
  } catch {
    return '';
  }
}

/** Formats rows with a docker --format (a "table ..." format gets a header and aligned columns). */
export function formatRows(format: string, rows: object[], idHeader = 'CONTAINER ID', typeName = '*formatter.ContainerContext', titles?: Record<string, string>): string {
  const pre = dockerPreFormat(format);
  let out = '';
  if (pre.table) out += `${headerOf(pre.format, idHeader, rows.length ? Object.keys(rows[0]!) : [...Object.keys(HEADERS), ...Object.keys(titles ?? {})], titles)}\n`;
  for (const r of rows) out += `${render(pre.format, pre.json ? jsonView(r) : r, typeName)}\n`;
  return pre.table ? tabwrite(out) : out;
}

/** What {{json .}} shows of a row: its fields, without the methods. */
function jsonView(r: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => typeof v !== 'function'));
}

export { TemplateError };

export interface ImageRow {
  ID: string;
  Repository: string;
  Tag: string;
  Digest: string;
  CreatedSince: string;
  CreatedAt: string;
  Size: string;
  Containers: string;
}

/** One row per repository:tag (or <none>:<none> for a nameless image). */
export function imageRows(images: ImageInfo[], now: number, trunc: boolean): ImageRow[] {
  const rows: ImageRow[] = [];
  for (const i of images) {
    const created = Date.parse(i.created);
    const base = {
      ID: trunc ? shortId(i.id) : i.id, Digest: i.repoDigests[0]?.replace(/^.*@/, '') ?? '<none>', CreatedSince: `${humanDuration(now - created)} ago`,
      CreatedAt: new Date(created).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC'), Size: humanSizeWithPrecision(i.size, 3), Containers: String(i.containers),
    };
    if (i.repoTags.length === 0) rows.push({ ...base, Repository: '<none>', Tag: '<none>' });
    for (const t of i.repoTags) {
      const cut = t.lastIndexOf(':');
      rows.push({ ...base, Repository: t.slice(0, cut), Tag: t.slice(cut + 1) });
    }
  }
  return rows;
}
