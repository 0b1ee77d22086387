// The kernel's netfilter tables: batches of edits with the errors iptables-nft and nf_tables
// give, atomic failure, the root-only service, and the view lessons read.
import { describe, expect, it } from 'vitest';
import type { NfAction, NfReply } from '../../../src/shared/services/netfilter';
import { Netfilter } from '../../../src/subsystems/netfilter/netfilter';
import { DROP, jump, NOBODY, ROOT, rule, tcpDport } from './fixtures';

const A = (chain: string, r = rule()): NfAction => ({ op: 'append', table: 'filter', chain, rule: r });

type Case = [title: string, setup: NfAction[], batch: NfAction[], want: Partial<Extract<NfReply, { ok: false }>> | 'ok'];

const cases: Case[] = [
  ['append to a built-in creates it', [], [A('INPUT')], 'ok'],
  ['append to a missing chain', [], [A('NOPE')], { index: 0, stage: 'prepare', errno: 'ENOENT' }],
  ['jump to a missing chain', [], [A('INPUT', rule({ target: jump('FOO') }))], { missingChain: 'FOO' }],
  ['jump to a built-in chain is refused by the kernel', [], [A('FORWARD', rule({ target: jump('INPUT') }))], { stage: 'commit', errno: 'ENOENT', chain: 'FORWARD' }],
  ['insert past the end + 1', [A('INPUT')], [{ op: 'insert', table: 'filter', chain: 'INPUT', rulenum: 3, rule: rule() }], { errno: 'E2BIG' }],
  ['insert at the end + 1 appends', [A('INPUT')], [{ op: 'insert', table: 'filter', chain: 'INPUT', rulenum: 2, rule: rule() }], 'ok'],
  ['replace past the end', [A('INPUT')], [{ op: 'replace', table: 'filter', chain: 'INPUT', rulenum: 2, rule: rule() }], { errno: 'E2BIG' }],
  ['delete by number in an absent chain', [], [{ op: 'deleteNum', table: 'filter', chain: 'INPUT', rulenum: 1 }], { errno: 'ENOENT' }],
  ['delete by number past the end', [A('INPUT')], [{ op: 'deleteNum', table: 'filter', chain: 'INPUT', rulenum: 2 }], { errno: 'E2BIG' }],
  ['delete a rule that is not there', [A('INPUT')], [{ op: 'delete', table: 'filter', chain: 'INPUT', rule: rule({ target: DROP }) }], { errno: 'ENOENT' }],
  ['new chain twice', [{ op: 'newChain', table: 'filter', chain: 'X' }], [{ op: 'newChain', table: 'filter', chain: 'X' }], { errno: 'EEXIST' }],
  ['new chain named like a built-in', [], [{ op: 'newChain', table: 'filter', chain: 'INPUT' }], { errno: 'EEXIST' }],
  ['delete a referenced chain', [{ op: 'newChain', table: 'filter', chain: 'X' }, A('INPUT', rule({ target: jump('X') }))], [{ op: 'deleteChain', table: 'filter', chain: 'X' }], { stage: 'commit', errno: 'EBUSY', chain: 'X' }],
  ['delete a chain with rules', [{ op: 'newChain', table: 'filter', chain: 'X' }, A('X')], [{ op: 'deleteChain', table: 'filter', chain: 'X' }], { stage: 'commit', errno: 'EBUSY' }],
  ['delete a built-in with a DROP policy', [{ op: 'policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' }], [{ op: 'deleteChain', table: 'filter', chain: 'FORWARD' }], { stage: 'prepare', errno: 'EBUSY' }],
  ['rename onto an existing name', [{ op: 'newChain', table: 'filter', chain: 'X' }], [{ op: 'renameChain', table: 'filter', chain: 'X', newName: 'INPUT' }], { errno: 'EEXIST' }],
  ['policy on a user chain', [{ op: 'newChain', table: 'filter', chain: 'X' }], [{ op: 'policy', table: 'filter', chain: 'X', policy: 'DROP' }], { errno: 'ENOENT' }],
  ['unknown policy', [], [{ op: 'policy', table: 'filter', chain: 'INPUT', policy: 'REJECT' }], { errno: 'EINVAL' }],
  [
    'a jump loop reachable from a base chain',
    [{ op: 'newChain', table: 'filter', chain: 'A' }, { op: 'newChain', table: 'filter', chain: 'B' }, A('A', rule({ target: jump('B') })), A('B', rule({ target: jump('A') }))],
    [A('INPUT', rule({ target: jump('A') }))],
    { stage: 'commit', errno: 'EMLINK' },
  ],
  ['REJECT outside the filter table', [], [{ op: 'append', table: 'mangle', chain: 'INPUT', rule: rule({ target: { kind: 'REJECT', with: 'icmp-port-unreachable' } }) }], { stage: 'commit', errno: 'EINVAL' }],
  ['MASQUERADE in PREROUTING', [], [{ op: 'append', table: 'nat', chain: 'PREROUTING', rule: rule({ target: { kind: 'MASQUERADE', random: false, randomFully: false, persistent: false } }) }], { errno: 'EINVAL' }],
  ['icmp match without -p icmp', [], [A('INPUT', rule({ matches: [{ kind: 'icmp', type: 8, codeMin: 0, codeMax: 255, inv: false }] }))], { errno: 'EINVAL' }],
  ['tcp-reset without -p tcp', [], [A('INPUT', rule({ target: { kind: 'REJECT', with: 'tcp-reset' } }))], { errno: 'EINVAL' }],
];

describe('netfilter batches', () => {
  for (const [title, setup, batch, want] of cases) {
    it(title, () => {
      const nf = new Netfilter();
      expect(nf.apply('ipv4', setup)).toMatchObject({ ok: true });
      const before = JSON.stringify(nf.ruleset('ipv4'));
      const got = nf.apply('ipv4', batch);
      if (want === 'ok') expect(got).toMatchObject({ ok: true });
      else {
        expect(got).toMatchObject({ ok: false, ...want });
        // a failed batch changes nothing
        expect(JSON.stringify(nf.ruleset('ipv4'))).toBe(before);
      }
    });
  }

  it('is all or nothing: a later failure undoes earlier edits', () => {
    const nf = new Netfilter();
    const got = nf.apply('ipv4', [A('INPUT'), A('NOPE')]);
    expect(got).toMatchObject({ ok: false, index: 1 });
    expect(nf.ruleset('ipv4').tables.find((t) => t.name === 'filter')!.exists).toBe(false);
  });

  it('renaming a chain renames the jumps to it', () => {
    const nf = new Netfilter();
    nf.apply('ipv4', [{ op: 'newChain', table: 'filter', chain: 'OLD' }, A('INPUT', rule({ target: jump('OLD') }))]);
    nf.apply('ipv4', [{ op: 'renameChain', table: 'filter', chain: 'OLD', newName: 'NEW' }]);
    const input = nf.ruleset('ipv4').tables.find((t) => t.name === 'filter')!.chains.find((c) => c.name === 'INPUT')!;
    expect(input.rules[0]!.target).toEqual({ kind: 'jump', chain: 'NEW' });
  });

  it('a chain made in a batch cannot be renamed in the same batch (nft renames by handle)', () => {
    const nf = new Netfilter();
    const reply = nf.apply('ipv4', [{ op: 'newChain', table: 'filter', chain: 'OLD' }, { op: 'renameChain', table: 'filter', chain: 'OLD', newName: 'NEW' }]);
    expect(reply).toMatchObject({ ok: false, index: 1, stage: 'commit', errno: 'ENOENT', chain: 'NEW' });
    expect(nf.ruleset('ipv4').tables.find((t) => t.name === 'filter')!.chains.some((c) => c.name === 'OLD' || c.name === 'NEW')).toBe(false);
  });

  it('setting every policy back to ACCEPT on an empty table forgets the table', () => {
    const nf = new Netfilter();
    nf.apply('ipv4', [{ op: 'policy', table: 'filter', chain: 'INPUT', policy: 'DROP' }, A('INPUT'), { op: 'flush', table: 'filter', verbose: false }, { op: 'policy', table: 'filter', chain: 'INPUT', policy: 'ACCEPT' }]);
    const filter = nf.ruleset('ipv4').tables.find((t) => t.name === 'filter')!;
    expect(filter.exists).toBe(false);
    expect(filter.chains.every((c) => !c.present)).toBe(true);
  });
});

describe('netfilter service', () => {
  it('answers root with the ruleset', () => {
    const nf = new Netfilter();
    nf.apply('ipv4', [A('INPUT', rule({ proto: 6, matches: [tcpDport(22)] }))]);
    const reply = nf.handle(ROOT, { op: 'get', family: 'ipv4' }) as NfReply;
    expect(reply.ok && 'ruleset' in reply && reply.ruleset.tables.find((t) => t.name === 'filter')!.chains[0]!.rules).toHaveLength(1);
  });

  it('refuses anyone else, even to read', () => {
    const nf = new Netfilter();
    expect(nf.handle(NOBODY, { op: 'get', family: 'ipv4' })).toEqual({ ok: false, errno: 'EPERM' });
    expect(nf.handle(NOBODY, { op: 'apply', family: 'ipv4', actions: [A('INPUT')] })).toEqual({ ok: false, errno: 'EPERM' });
  });

  it('rejects malformed requests', () => {
    const nf = new Netfilter();
    expect(nf.handle(ROOT, null)).toEqual({ ok: false, errno: 'EINVAL' });
    expect(nf.handle(ROOT, { op: 'get', family: 'ipx' })).toEqual({ ok: false, errno: 'EINVAL' });
    expect(nf.handle(ROOT, { op: 'dance', family: 'ipv4' })).toEqual({ ok: false, errno: 'EINVAL' });
  });

  it('a --test batch is checked but not kept', () => {
    const nf = new Netfilter();
    expect(nf.handle(ROOT, { op: 'apply', family: 'ipv4', actions: [A('INPUT')], test: true })).toMatchObject({ ok: true });
    expect(nf.view().ipv4.tables.find((t) => t.name === 'filter')!.exists).toBe(false);
  });

  it('keeps IPv4 and IPv6 apart', () => {
    const nf = new Netfilter();
    nf.apply('ipv6', [A('INPUT', rule({ src: { addr: '::', mask: '::' }, dst: { addr: '::', mask: '::' } }))]);
    const v = nf.view();
    expect(v.ipv4.tables.find((t) => t.name === 'filter')!.exists).toBe(false);
    expect(v.ipv6.tables.find((t) => t.name === 'filter')!.chains[0]!.rules).toHaveLength(1);
  });
});
