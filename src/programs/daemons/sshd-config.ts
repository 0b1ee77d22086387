// Reading /etc/ssh/sshd_config as OpenSSH 9.x's sshd does (servconf.c): keywords are
// case-insensitive, "Keyword value" or "Keyword=value", '#' comments; an unknown keyword or a bad
// value is fatal, with the file name and line number in the message.

const FLAGS = new Set([
  'permitrootlogin', 'passwordauthentication', 'pubkeyauthentication', 'kbdinteractiveauthentication', 'challengeresponseauthentication',
  'permitemptypasswords', 'usepam', 'x11forwarding', 'printmotd', 'printlastlog', 'tcpkeepalive', 'usedns', 'strictmodes',
  'ignorerhosts', 'hostbasedauthentication', 'gssapiauthentication', 'kerberosauthentication', 'allowagentforwarding',
  'permittunnel', 'permittty', 'permituserenvironment', 'compression', 'gatewayports', 'allowtcpforwarding', 'x11uselocalhost',
  'exposeauthinfo', 'disableforwarding', 'permituserrc', 'streamlocalbindunlink',
]);
const VALUES: Record<string, string[]> = {
  permitrootlogin: ['yes', 'no', 'without-password', 'prohibit-password', 'forced-commands-only'],
  allowtcpforwarding: ['yes', 'no', 'all', 'local', 'remote'],
  permittunnel: ['yes', 'no', 'point-to-point', 'ethernet'],
  compression: ['yes', 'no', 'delayed'],
  gatewayports: ['yes', 'no', 'clientspecified'],
  permituserenvironment: ['yes', 'no'],
};
const OTHER = new Set([
  'port', 'addressfamily', 'listenaddress', 'hostkey', 'syslogfacility', 'loglevel', 'logingracetime', 'maxauthtries',
  'maxsessions', 'maxstartups', 'authorizedkeysfile', 'authorizedprincipalsfile', 'authorizedkeyscommand', 'authorizedkeyscommanduser',
  'banner', 'chrootdirectory', 'clientaliveinterval', 'clientalivecountmax', 'ciphers', 'macs', 'kexalgorithms', 'hostkeyalgorithms',
  'pubkeyacceptedalgorithms', 'pubkeyacceptedkeytypes', 'allowusers', 'denyusers', 'allowgroups', 'denygroups', 'acceptenv', 'setenv',
  'subsystem', 'match', 'include', 'pidfile', 'x11displayoffset', 'forcecommand', 'authenticationmethods', 'rekeylimit',
  'versionaddendum', 'ipqos', 'trustedusercakeys', 'revokedkeys', 'hostcertificate', 'moduli', 'permitopen', 'permitlisten',
  'persourcemaxstartups', 'persourcenetblocksize', 'streamlocalbindmask', 'securitykeyprovider', 'casignaturealgorithms',
  'hostbasedacceptedalgorithms', 'fingerprinthash', 'logverbose', 'channeltimeout', 'unusedconnectiontimeout', 'modulifile',
]);

export interface SshdConfig {
  ports: number[];
  listen: string[];
  permitRootLogin: string;
  passwordAuthentication: boolean;
  errors: string[];
  /** Every keyword seen, lower-cased, with its last value (sshd -T prints these). */
  settings: Map<string, string>;
}

export function parseSshdConfig(text: string, file = '/etc/ssh/sshd_config'): SshdConfig {
  const cfg: SshdConfig = { ports: [], listen: [], permitRootLogin: 'prohibit-password', passwordAuthentication: true, errors: [], settings: new Map() };
  let bad = 0;
  let inMatch = false;
  text.split('\n').forEach((raw, i) => {
    const n = i + 1;
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const m = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line.trimEnd()) ?? [line, line.trim(), ''];
    const key = m[1]!;
    const value = (m[2] ?? '').trim();
    const k = key.toLowerCase();
    if (!FLAGS.has(k) && !OTHER.has(k)) {
      cfg.errors.push(`${file}: line ${n}: Bad configuration option: ${key}`);
      bad++;
      return;
    }
    if (k === 'match') {
      inMatch = true;
      return;
    }
    if (value === '') {
      cfg.errors.push(`${file} line ${n}: missing argument.`);
      bad++;
      return;
    }
    const word = value.split(/\s+/)[0]!;
    if (FLAGS.has(k)) {
      const allowed = VALUES[k] ?? ['yes', 'no'];
      if (!allowed.includes(word)) {
        cfg.errors.push(`${file} line ${n}: unsupported option "${word}".`);
        bad++;
        return;
      }
    }
    if (k === 'port') {
      const p = Number(word);
      if (!/^\d+$/.test(word) || p < 1 || p > 65535) {
        cfg.errors.push(`${file} line ${n}: Badly formatted port number.`);
        bad++;
        return;
      }
      if (!inMatch) cfg.ports.push(p);
    }
    if (inMatch) return;
    if (k === 'listenaddress') cfg.listen.push(word);
    if (k === 'permitrootlogin') cfg.permitRootLogin = word === 'without-password' ? 'prohibit-password' : word;
    if (k === 'passwordauthentication') cfg.passwordAuthentication = word === 'yes';
    cfg.settings.set(k, value);
  });
  if (bad > 0 && !cfg.errors.some((e) => e.includes('terminating'))) {
    if (cfg.errors.some((e) => e.includes('Bad configuration option'))) cfg.errors.push(`${file}: terminating, ${bad} bad configuration options`);
  }
  if (cfg.ports.length === 0) cfg.ports.push(22);
  return cfg;
}
