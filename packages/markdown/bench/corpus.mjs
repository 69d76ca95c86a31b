/**
 * A deterministic corpus of realistic technical posts: about 1,100 words,
 * headings, lists, a table, links, footnotes and four code blocks in the
 * languages real blogs use. The same `n` always gives the same post.
 */
const words = (
  'packet firewall table chain rule kernel bridge route address interface debian package upstream release ' +
  'backport cluster node pod namespace policy state backend module provider variable output plan apply ' +
  'server client request response latency throughput cache memory disk volume snapshot backup restore'
).split(' ');

function rng(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function sentence(random, length) {
  const list = Array.from({ length }, () => words[Math.floor(random() * words.length)]);
  list[0] = list[0][0].toUpperCase() + list[0].slice(1);
  return `${list.join(' ')}.`;
}

function paragraph(random, sentences = 5) {
  return Array.from({ length: sentences }, () => sentence(random, 8 + Math.floor(random() * 10))).join(' ');
}

const code = [
  '```yaml\nservices:\n  web:\n    image: "nginx:1.27"\n    ports:\n      - "8080:80"\n    restart: unless-stopped\n```',
  '```terraform\nresource "aws_instance" "web" {\n  ami           = var.ami\n  instance_type = "t3.micro"\n  tags = {\n    Name = "web-${count.index}"\n  }\n}\n```',
  '```python\ndef count_packets(rules: list[str]) -> int:\n    """Count the rules that accept."""\n    return sum(1 for rule in rules if rule.endswith("accept"))\n```',
  '```console\n$ sudo nft list ruleset\ntable inet filter {\n  chain input {\n    type filter hook input priority 0; policy drop;\n  }\n}\n```',
  '```c\n#include <stdio.h>\n\nint main(void) {\n    printf("%d\\n", 42);\n    return 0;\n}\n```',
  '```json\n{ "name": "blog", "private": true, "scripts": { "build": "astro build" } }\n```',
];

/** Code block `i` of post `n`: no two posts share a block, as in a real blog. */
function codeBlock(n, i) {
  const block = code[i % code.length];
  const lines = block.split('\n');
  const comment = { yaml: '#', terraform: '#', python: '#', console: '$ echo', c: '//', json: '' }[lines[0].slice(3)];
  if (comment) lines.splice(1, 0, `${comment} post ${n}, block ${i}: ${words[(n * 7 + i) % words.length]}`);
  return lines.join('\n').replace(/42|8080|t3\.micro|"hello"|"blog"/g, (match) => `${match}${n % 97}`);
}

/** The Markdown body of post `n`. */
export function postBody(n) {
  const random = rng(n + 1);
  const parts = [paragraph(random, 3), '<!--more-->'];
  for (let section = 0; section < 5; section++) {
    parts.push(`## Section ${section + 1}: the ${words[(n + section) % words.length]} step`);
    parts.push(paragraph(random, 6));
    parts.push(codeBlock(n, n + section));
    if (section % 2 === 0) parts.push(codeBlock(n, n + section + 3));
    parts.push(
      `- ${sentence(random, 6)}\n- ${sentence(random, 7)}\n- [a link](https://example.org/${n}/${section}) and \`inline code\``,
    );
    parts.push(paragraph(random, 6));
  }
  parts.push('| Field | Value |\n| ----- | ----- |\n| chain | input |\n| policy | drop |');
  parts.push(`A closing thought with a note.[^1] "Quoted" -- and done...\n\n[^1]: ${sentence(random, 9)}`);
  return `${parts.join('\n\n')}\n`;
}
