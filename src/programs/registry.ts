// Every program the machine can run, by name. A program runs only if its file exists in the
// VFS and is executable; the file is a small stub naming the entry here (see kernel/exec.ts).
// The lists live in registry/, one file per family, so families grow independently.
import type { Program } from './define';
import { eager, type ProgramEntry } from './entry';
import bash from './shell/bash';
import { awkPrograms } from './registry/awk';
import { basePrograms } from './registry/base';
import { filesPrograms } from './registry/files';
import { findPrograms } from './registry/find';
import { procsPrograms } from './registry/procs';
import { searchPrograms } from './registry/search';
import { textPrograms } from './registry/text';
import { netfilterPrograms } from './registry/netfilter';
import { iproutePrograms } from './registry/iproute';
import { systemdPrograms } from './registry/systemd';
import { pagerPrograms } from './registry/pagers';
import { servicePrograms } from './registry/services';
import { networkToolPrograms } from './registry/network-tools';
import { networkPrograms } from './registry/network';
import { packagePrograms } from './registry/packages';
import { nginxPrograms } from './registry/nginx';
import { dockerPrograms } from './registry/docker';
import { containerPrograms } from './registry/containers';
import { nanoPrograms } from './registry/nano';
import { editorPrograms } from './registry/editors';
import { utilLinuxPrograms } from './registry/util-linux';
import { utilLinuxMorePrograms } from './registry/util-linux-more';
import { diffutilsMorePrograms } from './registry/diffutils-more';
import { psmiscPrograms } from './registry/psmisc';
import { gzipMorePrograms } from './registry/gzip-more';
import { adminToolPrograms } from './registry/admin-tools';

const all: (Program | ProgramEntry)[] = [bash, ...basePrograms, ...textPrograms, ...filesPrograms, ...searchPrograms, ...awkPrograms, ...findPrograms, ...procsPrograms, ...netfilterPrograms, ...iproutePrograms, ...systemdPrograms, ...pagerPrograms, ...servicePrograms, ...networkPrograms, ...networkToolPrograms, ...packagePrograms, ...nginxPrograms, ...dockerPrograms, ...containerPrograms, ...nanoPrograms, ...editorPrograms, ...utilLinuxPrograms, ...utilLinuxMorePrograms, ...diffutilsMorePrograms, ...gzipMorePrograms, ...psmiscPrograms, ...adminToolPrograms];

export const programs = new Map<string, ProgramEntry>(
  all.map((p) => ('load' in p ? p : eager(p))).map((e) => [e.name, e]),
);
