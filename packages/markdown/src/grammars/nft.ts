/**
 * A small TextMate grammar for nftables rulesets (`nft`), which Shiki does
 * not bundle: comments, strings, variables, addresses, numbers, and the
 * words of tables, chains, hooks, matches and verdicts.
 */
import type { LanguageRegistration } from 'shiki';

const words = (list: string): string => `\\b(?:${list.trim().split(/\s+/).join('|')})\\b`;

export const nftGrammar: LanguageRegistration = {
  name: 'nft',
  scopeName: 'source.nft',
  displayName: 'nftables',
  aliases: ['nftables'],
  patterns: [
    { name: 'comment.line.number-sign.nft', match: '#.*$' },
    { name: 'string.quoted.double.nft', begin: '"', end: '"' },
    { name: 'variable.other.nft', match: '\\$[A-Za-z_][\\w]*' },
    { name: 'variable.other.set.nft', match: '@[A-Za-z_][\\w]*' },
    {
      name: 'storage.type.nft',
      match: words('table chain set map flowtable element rule counter quota limit ct meter'),
    },
    {
      name: 'keyword.control.verdict.nft',
      match: words('accept drop reject return jump goto continue queue masquerade snat dnat redirect log notrack'),
    },
    {
      name: 'keyword.other.nft',
      match: words(
        'add insert replace delete flush list create define include type hook priority policy device devices flags elements timeout size counter',
      ),
    },
    {
      name: 'support.type.family.nft',
      match: words('ip ip6 inet arp bridge netdev'),
    },
    {
      name: 'support.constant.hook.nft',
      match: words('prerouting input forward output postrouting ingress egress filter nat route'),
    },
    {
      name: 'support.function.match.nft',
      match: words(
        'saddr daddr sport dport iif oif iifname oifname tcp udp icmp icmpv6 meta mark state established related new invalid l4proto nexthdr protocol th',
      ),
    },
    { name: 'constant.numeric.address.nft', match: '\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,2})?\\b' },
    { name: 'constant.numeric.address.nft', match: '\\b[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?:/\\d{1,3})?' },
    { name: 'constant.numeric.nft', match: '\\b\\d+\\b' },
    { name: 'punctuation.section.block.nft', match: '[{}]' },
  ],
  repository: {},
};
