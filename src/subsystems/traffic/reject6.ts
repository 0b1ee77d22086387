// The ICMPv6 destination-unreachable code an ip6tables REJECT answers with (--reject-with).
const CODES: Readonly<Record<string, number>> = {
  'icmp6-no-route': 0,
  'no-route': 0,
  'icmp6-adm-prohibited': 1,
  'adm-prohibited': 1,
  'icmp6-addr-unreachable': 3,
  'addr-unreach': 3,
  'icmp6-port-unreachable': 4,
  'port-unreach': 4,
  'icmp6-policy-fail': 5,
  'icmp6-reject-route': 6,
};

export function rejectAnswer6(rejectWith: string): { type: 1; code: number } {
  return { type: 1, code: CODES[rejectWith] ?? 4 };
}
