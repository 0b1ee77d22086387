// `iptables -h`: usage lines and a summary of commands and options, in our own words (the
// layout follows iptables: usage forms, commands, options, then each loaded extension's help).
import type { NfFamily } from '../../shared/services/netfilter';
import { XT_VERSION } from './errors';
import type { ParseState } from './parse-state';

export function helpText(prog: string, family: NfFamily, ps: ParseState): string {
  const usage = [
    `-[ACD] chain rule-specification [options]`,
    `-I chain [rulenum] rule-specification [options]`,
    `-R chain rulenum rule-specification [options]`,
    `-D chain rulenum [options]`,
    `-[LS] [chain [rulenum]] [options]`,
    `-[FZ] [chain] [options]`,
    `-[NX] chain`,
    `-E old-chain-name new-chain-name`,
    `-P chain target [options]`,
    `-h (print this help information)`,
  ];
  let s = `${prog} v${XT_VERSION}\n\n`;
  s += usage.map((u, i) => `${i === 0 ? 'Usage: ' : '       '}${prog} ${u}\n`).join('') + '\n';
  s += `Commands (long or short forms):
  --append  -A chain		add rules at the end of the chain
  --check   -C chain		tell whether a rule is in the chain
  --delete  -D chain		remove the first rule that matches
  --delete  -D chain rulenum
				remove the rule at that position (1 = first)
  --insert  -I chain [rulenum]
				put rules at that position (default 1 = first)
  --replace -R chain rulenum
				put a rule in place of the one at that position
  --list    -L [chain [rulenum]]
				show the rules of a chain or of every chain
  --list-rules -S [chain [rulenum]]
				show the rules as commands
  --flush   -F [chain]		remove every rule of a chain or of every chain
  --zero    -Z [chain [rulenum]]
				reset packet and byte counters
  --new     -N chain		create a user-defined chain
  --delete-chain
            -X [chain]		remove an empty, unused user-defined chain
  --policy  -P chain target
				set the default verdict of a built-in chain
  --rename-chain
            -E old-chain new-chain
				rename a chain and every jump to it

Options:
    --ipv4	-4		${family === 'ipv4' ? 'no effect' : 'error'} (ip6tables-restore skips such lines)
    --ipv6	-6		${family === 'ipv4' ? 'error' : 'no effect'} (iptables-restore skips such lines)
[!] --protocol	-p proto	protocol by name or number, e.g. \`tcp'
[!] --source	-s address[/mask][...]
				packet source
[!] --destination -d address[/mask][...]
				packet destination
[!] --in-interface -i input name[+]
				incoming interface (a trailing + matches a prefix)
 --jump	-j target
				what to do with a matching packet
  --goto      -g chain
			       continue in a chain without coming back
  --match	-m match
				use a match extension
  --numeric	-n		print addresses and ports as numbers
[!] --out-interface -o output name[+]
				outgoing interface (a trailing + matches a prefix)
  --table	-t table	table to work on (default: \`filter')
  --verbose	-v		say more
  --wait	-w [seconds]	accepted for compatibility
  --line-numbers		number the rules when listing
  --exact	-x		print counters in full
${family === 'ipv4' ? '[!] --fragment	-f		only second and later fragments\n' : ''}  --modprobe=<command>		accepted for compatibility
  --set-counters -c PKTS BYTES	start the counters of new rules at these values
[!] --version	-V		print the version
`;
  for (const m of ps.matches) s += `\n${m.ext.name} match options:\n${m.ext.opts.map((o) => ` ${o.invert ? '[!] ' : ''}--${o.name}${o.hasArg ? ' value' : ''}\n`).join('')}`;
  if (ps.target) s += `\n${ps.target.ext.name} target options:\n${ps.target.ext.opts.map((o) => ` --${o.name}${o.hasArg ? ' value' : ''}\n`).join('')}`;
  return s;
}
