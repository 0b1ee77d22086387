// bash's /dev/tcp redirections on a whole machine: a connection is a descriptor the shell and its
// children share, it crosses the firewall, and failures take the time the network takes (on the
// virtual clock) before bash reports them.
import { describe, expect, it } from 'vitest';
import { runCases } from './machine-helpers';

describe('/dev/tcp and /dev/udp', () => {
  it('talks to sshd on this machine: its identification, then its refusal of anything else', async () => {
    const [greet, reply, fd] = await runCases([
      'exec 3<>/dev/tcp/127.0.0.1/22; head -1 <&3 | od -c | head -2',
      'echo hello >&3; cat <&3; exec 3>&-',
      'exec 4<>/dev/tcp/localhost/ssh; stat -L -c %F /proc/$$/fd/4; readlink /proc/$$/fd/4 | grep -c "^socket:\\[[0-9]*\\]$"',
    ]);
    expect(greet!.out).toBe('0000000   S   S   H   -   2   .   0   -   O   p   e   n   S   S   H   _\n0000020   9   .   3  \\r  \\n\n');
    expect(reply).toEqual({ out: 'Invalid SSH identification string.\r\n', code: 0 });
    expect(fd).toEqual({ out: 'socket\n1\n', code: 0 });
  });

  it('goes through the firewall: REJECT refuses, a SYN dropped on OUTPUT is sent again until timeout ends it', async () => {
    const [rejected, dropped] = await runCases([
      'iptables -I INPUT -p tcp --dport 22 -j REJECT; echo > /dev/tcp/127.0.0.1/22; iptables -D INPUT 1',
      'iptables -I OUTPUT -p tcp --dport 22 -j DROP; timeout 3 bash -c "echo > /dev/tcp/127.0.0.1/22"; echo rc=$?; iptables -D OUTPUT 1',
    ]);
    expect(rejected).toEqual({ out: '/bin/bash: connect: Connection refused\n/bin/bash: line 3: /dev/tcp/127.0.0.1/22: Connection refused\n', code: 0 });
    expect(dropped).toEqual({ out: 'rc=124\n', code: 0 });
  });

  it('waits for the network: a LAN host that does not exist fails after ARP gives up, a silent one until timeout ends it', async () => {
    const [arp, silent, banner] = await runCases([
      'SECONDS=0; echo > /dev/tcp/192.168.1.250/80; echo "after ${SECONDS}s"',
      'timeout 5 bash -c "echo > /dev/tcp/8.8.8.8/81"',
      'exec 5</dev/tcp/192.168.1.30/22; head -c 19 <&5; echo',
    ]);
    expect(arp).toEqual({ out: '/bin/bash: connect: No route to host\n/bin/bash: line 3: /dev/tcp/192.168.1.250/80: No route to host\nafter 3s\n', code: 0 });
    expect(silent!.code).toBe(124);
    expect(banner).toEqual({ out: 'SSH-2.0-OpenSSH_9.3\n', code: 0 });
  });
});
