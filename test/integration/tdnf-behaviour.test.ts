// tdnf and rpm on the default machine (the minimal install at its GA builds, a cold metadata
// cache): what a learner meets. Each case runs on a fresh machine and asserts the whole stdout,
// stderr and exit status.
import { describe, expect, it } from 'vitest';
import { runScript } from './machine-helpers';

interface Case {
  name: string;
  script: string;
  stdout: string;
  stderr: string;
  code: number;
}

const CASES: Case[] = [
  {
    name: 'rpm query formats and the aliases built on them (--last, --filesbypkg), -s, --whatprovides, --whatrequires, bad formats and options',
    script: "rpm -q --qf \"%{NAME} %{NVRA} %{EVR}\\n\" bash openssl; rpm -qa --last | head -2; rpm -q --whatprovides /bin/sh /usr/bin/ls sh; echo \"rc=$?\"; rpm -q --whatrequires nosuch; echo \"rc=$?\"; rpm -qs bash | head -2; rpm -q --qf \"%{NOPE}\\n\" bash; echo \"rc=$?\"; rpm -q --qf; echo \"rc=$?\"; rpm -q --filesbypkg bash | head -1; rpm -q --bogus bash; echo \"rc=$?\"",
    stdout: "bash bash-5.2-1.ph5.x86_64 5.2-1.ph5\nopenssl openssl-3.0.8-2.ph5.x86_64 3.0.8-2.ph5\nzstd-libs-1.5.5-1.ph5.x86_64                  Fri May 30 08:12:41 2025\nzstd-1.5.5-1.ph5.x86_64                       Fri May 30 08:12:41 2025\nbash-5.2-1.ph5.x86_64\ncoreutils-9.1-3.ph5.x86_64\nno package provides sh\nrc=1\nno package requires nosuch\nrc=1\nnormal        /etc/bash.bashrc\nnormal        /etc/skel/.bash_logout\nrc=0\nrc=1\nbash                      /etc/bash.bashrc\nrc=1\n",
    stderr: "error: incorrect format: unknown tag: \"NOPE\"\nrpm: --qf: missing argument\nrpm: --bogus: unknown option\n",
    code: 0,
  },
  {
    name: 'man-db is not in the minimal install: man is missing until tdnf installs it',
    script: 'command -v man || echo missing\ntdnf -q install -y man-db\ncommand -v man\nrpm -q man-db',
    stdout: 'missing\n/usr/bin/man\nman-db-2.11.1-4.ph5.x86_64\n',
    stderr: 'Created symlink /etc/systemd/system/multi-user.target.wants/man-db.service -> /usr/lib/systemd/system/man-db.service.\nCreated symlink /etc/systemd/system/timers.target.wants/man-db.timer -> /usr/lib/systemd/system/man-db.timer.\n',
    code: 0,
  },
  {
    name: "non-root: install and history need root; list needs a writable cache until root refreshes it",
    script: "su nobody -s /bin/bash -c 'tdnf install -y nano'; echo \"rc=$?\"\nsu nobody -s /bin/bash -c 'tdnf history'; echo \"rc=$?\"\nsu nobody -s /bin/bash -c 'tdnf list nano'; echo \"rc=$?\"\ntdnf -q makecache\nsu nobody -s /bin/bash -c 'tdnf list nano'; echo \"rc=$?\"",
    stdout: "rc=65\nrc=65\nRefreshing metadata for: 'VMware Photon Linux 5.0 (x86_64) Updates'\nrc=77\nMetadata cache created.\nnano.x86_64                                  7.0-1.ph5            photon-updates\nnano.x86_64                                  8.2-2.ph5            photon-updates\nrc=0\n",
    stderr: "Error(1601) : Operation not permitted. You have to be root.\nError(1601) : Operation not permitted. You have to be root.\nError(1613) : Permission denied\nError: Failed to synchronize cache for repo 'VMware Photon Linux 5.0 (x86_64) Updates'\n\ntdnf repo cache needs to be refreshed but you have insufficient permissions\nYou can use one of the below methods to workaround this\n1. Login as root and refresh cache\n2. Use -c (--config) with a configuration file that has 'cachedir' set to a directory where you have access\n3. Use -C (--cacheonly) and use the existing cache in the system\n\nError(1613) : Permission denied\n",
    code: 0,
  },
  {
    name: "nginx: installing enables it by preset, an edited config is reported by rpm -V and kept as .rpmsave",
    script: "tdnf install -y nginx\nsystemctl is-enabled nginx; systemctl is-active nginx\necho '# tuned' >> /etc/nginx/nginx.conf\nrpm -V nginx; echo \"rc=$?\"\nrpm -qc nginx\ntdnf remove -y nginx\nls /etc/nginx",
    stdout: "Refreshing metadata for: 'VMware Photon Linux 5.0 (x86_64) Updates'\n\nInstalling:\nnginx            x86_64       1:1.26.2-5.ph5   photon-updates   3.24M     1.06M\n\nTotal installed size:   3.24M\nTotal download size:   1.06M\nTesting transaction\nRunning transaction\nInstalling/Updating: nginx-1:1.26.2-5.ph5.x86_64\nenabled\ninactive\nS.5....T.  c /etc/nginx/nginx.conf\nrc=1\n/etc/nginx/html/50x.html\n/etc/nginx/html/index.html\n/etc/nginx/mime.types\n/etc/nginx/nginx.conf\n\nRemoving:\nnginx            x86_64       1:1.26.2-5.ph5   @System        3.24M     0.00b\n\nTotal installed size:   3.24M\nTotal download size:   0.00b\nTesting transaction\nRunning transaction\nRemoving: nginx-1:1.26.2-5.ph5.x86_64\nnginx.conf.rpmsave\n",
    stderr: "Created symlink /etc/systemd/system/multi-user.target.wants/nginx.service -> /usr/lib/systemd/system/nginx.service.\nRemoved \"/etc/systemd/system/multi-user.target.wants/nginx.service\".\nwarning: /etc/nginx/nginx.conf saved as /etc/nginx/nginx.conf.rpmsave\n",
    code: 0,
  },
  {
    name: 'emacs: its user unit (/usr/lib/systemd/user) is not preset as a system unit',
    script: 'tdnf -q install -y emacs; echo "rc=$?"; ls /usr/lib/systemd/user; systemctl is-enabled emacs.service; echo "rc=$?"',
    stdout: 'rc=0\nemacs.service\nrc=1\n',
    stderr: 'Failed to get unit file state for emacs.service: No such file or directory\n',
    code: 0,
  },
  {
    name: "httpd: its preset keeps it disabled; rpm -q --requires",
    script: "tdnf -q install -y httpd; systemctl is-enabled httpd; rpm -q --requires httpd",
    stdout: "disabled\n/usr/sbin/groupdel\n/usr/sbin/userdel\napr-util\nlua\nnghttp2\nopenldap\nopenssl\npcre\nsystemd\nsystemd-rpm-macros\n",
    stderr: "",
    code: 0,
  },
  {
    name: "history undo restores the previous set of packages",
    script: "rpm -qa | sort | md5sum > /tmp/before\ntdnf -q install -y nano wget\ntdnf -q update -y sudo\ntdnf -q history undo -y 3\ntdnf -q history undo -y 2\n[ \"$(rpm -qa | sort | md5sum)\" = \"$(cat /tmp/before)\" ] && echo restored\ntdnf history list | sed -E 's/[A-Z][a-z]{2} [A-Z][a-z]{2} [0-9]{2} [0-9]{4} [0-9]{2}:[0-9]{2}/DATE/'",
    stdout: "restored\nID   cmd line                                date/time             +add  / -rem\n   1 (set)                                   DATE +199  / -0   \n   2 -q -y install nano wget                 DATE +2    / -0   \n   3 -q -y update sudo                       DATE +1    / -1   \n   4 -q -y history undo 3                    DATE +1    / -1   \n   5 -q -y history undo 2                    DATE +0    / -2   \n",
    stderr: "",
    code: 0,
  },
  {
    name: "history rollback removes what came later",
    script: "tdnf -q install -y nano\ntdnf -q install -y tar\ntdnf -q history rollback -y 1\nrpm -q nano tar; echo \"rc=$?\"",
    stdout: "package nano is not installed\npackage tar is not installed\nrc=1\n",
    stderr: "",
    code: 0,
  },
  {
    name: "rpm queries: -qf, -qi, -ql, -qc, --provides, a package not installed",
    script: "rpm -qf /usr/bin/ls /etc/passwd /nonexistent /root; echo \"rc=$?\"\nrpm -qi tdnf\nrpm -ql less\nrpm -qc openssh-server\nrpm -q --provides bash\nrpm -q nano; echo \"rc=$?\"",
    stdout: "coreutils-9.1-3.ph5.x86_64\nfilesystem-1.1-4.ph5.x86_64\nfile /root is not owned by any package\nrc=1\nName        : tdnf\nVersion     : 3.5.2\nRelease     : 3.ph5\nArchitecture: x86_64\nInstall Date: Fri May 30 08:12:41 2025\nGroup       : Applications/RPM\nSize        : 456605\nLicense     : LGPL-2.1-only AND LGPL-2.1-or-later AND GPL-2.0-only AND BSD-3-Clause\nSignature   : (none)\nSource RPM  : tdnf-3.5.2-3.ph5.src.rpm\nBuild Date  : Fri May 23 08:12:41 2025\nBuild Host  : photon-builder\nVendor      : VMware, Inc.\nURL         : https://github.com/vmware/tdnf\nSummary     : Tiny DNF package manager\nDescription :\ntdnf installs, updates and removes packages from the Photon OS repositories; it is command-compatible with dnf and yum.\n/usr/bin/less\n/etc/ssh/moduli\n/etc/ssh/sshd_config\n/bin/bash\n/bin/sh\nbash = 5.2-1.ph5\nbash(x86-64) = 5.2-1.ph5\npackage nano is not installed\nrc=1\n",
    stderr: "error: file /nonexistent: No such file or directory\n",
    code: 0,
  },
  {
    name: "rpm -e checks dependencies; a package removed with rpm shows in tdnf history as (unknown)",
    script: "rpm -e containerd; echo \"rc=$?\"\ntdnf -q install -y nano\nrpm -e nano; echo \"rc=$?\"\nrpm -q nano\ntdnf -q install -y tar\ntdnf history | tail -2 | cut -c1-44",
    stdout: "rc=1\nrc=0\npackage nano is not installed\n   3 (unknown)                              \n   4 -q -y install tar                      \n",
    stderr: "error: Failed dependencies:\n\tcontainerd = 1.6.17-2.ph5 is needed by (installed) containerd-extras-1.6.17-2.ph5.x86_64\n\tcontainerd is needed by (installed) docker-engine-23.0.2-1.ph5.x86_64\n",
    code: 0,
  },
  {
    name: "offline: no DNS, the repo is disabled after curl error 6, nothing can be installed",
    script: "ip link set eth0 down\ntdnf makecache; echo \"rc=$?\"\ntdnf install -y nano; echo \"rc=$?\"",
    stdout: "Refreshing metadata for: 'VMware Photon Linux 5.0 (x86_64) Updates'\nretrying 1/10\nretrying 2/10\nretrying 3/10\nretrying 4/10\nretrying 5/10\nretrying 6/10\nretrying 7/10\nretrying 8/10\nretrying 9/10\nretrying 10/10\nDisabling Repo: 'VMware Photon Linux 5.0 (x86_64) Updates'\nMetadata cache created.\nrc=0\nRefreshing metadata for: 'VMware Photon Linux 5.0 (x86_64) Updates'\nretrying 1/10\nretrying 2/10\nretrying 3/10\nretrying 4/10\nretrying 5/10\nretrying 6/10\nretrying 7/10\nretrying 8/10\nretrying 9/10\nretrying 10/10\nDisabling Repo: 'VMware Photon Linux 5.0 (x86_64) Updates'\nrc=243\n",
    stderr: "Error(1207) : Couldn't resolve host name\nError: Failed to synchronize cache for repo 'VMware Photon Linux 5.0 (x86_64) Updates'\nError(1207) : Couldn't resolve host name\nError: Failed to synchronize cache for repo 'VMware Photon Linux 5.0 (x86_64) Updates'\nnano package not found or not installed\nError(1011) : No matching packages\n",
    code: 0,
  },
  {
    name: "yum and tdnfj are tdnf; --version",
    script: "yum -q repolist; tdnfj repolist; echo; tdnf --version; tdnf -q --version; echo done",
    stdout: "repo id             repo name                                status   \nphoton-updates      VMware Photon Linux 5.0 (x86_64) Updates enabled  \n[{\"Repo\":\"photon-updates\",\"RepoName\":\"VMware Photon Linux 5.0 (x86_64) Updates\",\"Enabled\":true}]\ntdnf: 3.5.11\ndone\n",
    stderr: "",
    code: 0,
  },
  {
    name: "-C without a metadata cache",
    script: "tdnf -C list nano; echo \"rc=$?\"",
    stdout: "Disabling Repo: 'VMware Photon Linux 5.0 (x86_64) Updates'\nrc=243\n",
    stderr: "Error(1034) : cache only is set, but no repo data found\nError: Failed to synchronize cache for repo 'VMware Photon Linux 5.0 (x86_64) Updates'\nError(1011) : No matching packages\n",
    code: 0,
  },
  {
    name: "--skip-broken installs what it can",
    script: "tdnf -q install -y --skip-broken nano nosuchpkg; echo \"rc=$?\"; rpm -q nano",
    stdout: "rc=0\nnano-8.2-2.ph5.x86_64\n",
    stderr: "nosuchpkg package not found or not installed\n",
    code: 0,
  },
  {
    name: "reinstall puts a deleted file back",
    script: "tdnf -q install -y nano; rm /usr/bin/nano; tdnf reinstall -y nano; ls /usr/bin/nano",
    stdout: "\nReinstalling:\nnano             x86_64       8.2-2.ph5        photon-updates   2.75M   838.42k\n\nTotal installed size:   2.75M\nTotal download size: 838.42k\nTesting transaction\nRunning transaction\nInstalling/Updating: nano-8.2-2.ph5.x86_64\n/usr/bin/nano\n",
    stderr: "",
    code: 0,
  },
  {
    name: 'cronie installs: a unit the catalog lists without its leading slash lands under /lib',
    script: 'tdnf -q install -y cronie; echo "rc=$?"; rpm -ql cronie | grep systemd',
    stdout: 'rc=0\n/lib/systemd/system/cron.service\n/usr/lib/systemd/system/crond.service\n',
    // (cron.service is a link to crond.service, an alias: only crond.service is enabled)
    stderr: 'Created symlink /etc/systemd/system/multi-user.target.wants/crond.service -> /usr/lib/systemd/system/crond.service.\n',
    code: 0,
  },
  {
    name: "rpm --import adds a gpg-pubkey; a missing key file",
    script: "rpm --import /etc/pki/rpm-gpg/VMWARE-RPM-GPG-KEY; rpm -qa | grep -c gpg-pubkey; rpm --import /nonexist; echo \"rc=$?\"",
    stdout: "1\nrc=1\n",
    stderr: "error: /nonexist: import read failed(2).\n",
    code: 0,
  },
  {
    name: "after update -y, check-update, autoremove and update have nothing to do",
    script: "tdnf -q -y update >/dev/null; tdnf check-update; echo \"rc=$?\"; tdnf autoremove -y; echo \"rc=$?\"; tdnf update -y; echo \"rc=$?\"",
    stdout: "rc=0\nrc=0\nrc=0\n",
    stderr: "Nothing to do.\nNothing to do.\n",
    code: 0,
  },
];

describe('tdnf and rpm on the default machine', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const r = await runScript(c.script);
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    }, 60_000);
  }
});
