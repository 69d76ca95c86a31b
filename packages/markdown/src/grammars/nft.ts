/**
 * nftables rulesets (`nft`), which neither Shiki nor Prism bundles: a small
 * TextMate grammar for Shiki and a Prism grammar for refractor, from the same
 * lists of words: comments, strings, variables, addresses, numbers, and the
 * words of tables, chains, hooks, matches and verdicts.
 */
import type { Syntax } from 'refractor/core';
import type { LanguageRegistration } from 'shiki';

/** The words of each kind, as nftables writes them. */
const nftWords = {
  storage: 'table chain set map flowtable element rule counter quota limit ct meter',
  verdict: 'accept drop reject return jump goto continue queue masquerade snat dnat redirect log notrack',
  keyword:
    'add insert replace delete flush list create define include type hook priority policy device devices flags elements timeout size counter',
  family: 'ip ip6 inet arp bridge netdev',
  hook: 'prerouting input forward output postrouting ingress egress filter nat route',
  match:
    'saddr daddr sport dport iif oif iifname oifname tcp udp icmp icmpv6 meta mark state established related new invalid l4proto nexthdr protocol th',
};

const words = (list: string): string => `\\b(?:${list.trim().split(/\s+/).join('|')})\\b`;

/** An IPv4 address or prefix, an IPv6 one, a number. */
const ipv4 = '\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,2})?\\b';
const ipv6 = '\\b[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?:/\\d{1,3})?';
const number = '\\b\\d+\\b';

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
    { name: 'storage.type.nft', match: words(nftWords.storage) },
    { name: 'keyword.control.verdict.nft', match: words(nftWords.verdict) },
    { name: 'keyword.other.nft', match: words(nftWords.keyword) },
    { name: 'support.type.family.nft', match: words(nftWords.family) },
    { name: 'support.constant.hook.nft', match: words(nftWords.hook) },
    { name: 'support.function.match.nft', match: words(nftWords.match) },
    { name: 'constant.numeric.address.nft', match: ipv4 },
    { name: 'constant.numeric.address.nft', match: ipv6 },
    { name: 'constant.numeric.nft', match: number },
    { name: 'punctuation.section.block.nft', match: '[{}]' },
  ],
  repository: {},
};

/**
 * The same language for Prism (`highlight: { engine: 'prism' }`), registered with refractor: the kinds above
 * as Prism's token names, which themes colour (`keyword`, `builtin`, `constant`, `function`, `number`…).
 * A line's first match wins in the TextMate grammar; Prism tries the tokens in this order.
 */
export const nftPrism: Syntax = Object.assign(
  (prism: Parameters<Syntax>[0]) => {
    const regex = (source: string) => new RegExp(source);
    prism.languages.nft = {
      comment: { pattern: /#.*/, greedy: true },
      string: { pattern: /"[^"]*"/, greedy: true },
      variable: /[$@][A-Za-z_]\w*/,
      keyword: [regex(words(nftWords.storage)), regex(words(nftWords.verdict)), regex(words(nftWords.keyword))],
      builtin: regex(words(nftWords.family)),
      constant: regex(words(nftWords.hook)),
      function: regex(words(nftWords.match)),
      number: [regex(ipv4), regex(ipv6), regex(number)],
      punctuation: /[{}]/,
    };
    // As Prism's own languages give their aliases a grammar.
    prism.languages.nftables = prism.languages.nft;
  },
  { displayName: 'nft', aliases: ['nftables'] },
);
