// getservbyname(3) over the text of /etc/services, as getaddrinfo(3) reads a service: a number
// is taken as it is (cut to 16 bits, as the port field holds it), a name must be listed for the
// protocol.
export function servicePort(services: string, name: string, proto: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name) & 0xffff;
  for (const line of services.split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    const m = /^(\d+)\/(\w+)$/.exec(f[1] ?? '');
    if (m && m[2] === proto && (f[0] === name || f.slice(2).includes(name))) return Number(m[1]);
  }
  return undefined;
}
