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
  '```go\nfunc handler(w http.ResponseWriter, r *http.Request) {\n\tif r.Method != http.MethodGet {\n\t\thttp.Error(w, "method not allowed", 405)\n\t\treturn\n\t}\n\tfmt.Fprintf(w, "hello %s", r.URL.Path)\n}\n```',
  "```rust\nfn parse(line: &str) -> Option<(u32, &str)> {\n    let (id, rest) = line.split_once(' ')?;\n    Some((id.parse().ok()?, rest.trim()))\n}\n```",
  '```javascript\nexport async function fetchAll(urls) {\n  const responses = await Promise.all(urls.map((url) => fetch(url)));\n  return Promise.all(responses.map((response) => response.json()));\n}\n```',
  "```sql\nSELECT host, count(*) AS drops\nFROM packets\nWHERE verdict = 'drop' AND seen > now() - interval '1 day'\nGROUP BY host\nORDER BY drops DESC\nLIMIT 10;\n```",
  '```dockerfile\nFROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nftables \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY rules.nft /etc/nftables.conf\nCMD ["nft", "-f", "/etc/nftables.conf"]\n```',
];

/** Names in the code that each post (and each function of a listing) spells its own way. */
const names =
  /\b(web|count_packets|rules|rule|handler|parse|line|lines|rest|fetchAll|urls|url|responses|response|drops|packets|host|counts|match|limit|key|total)\b/g;

/**
 * A line of code with its names made its own (`counts` → `counts_kernel17`): as in real blogs, two posts
 * seldom share a line of code but for braces, blank lines and imports.
 */
const own = (line, tag) => line.replace(names, (name) => `${name}_${tag}`);

/** Code block `i` of post `n`: no two posts share a block, nor a line with a name in it, as in a real blog. */
function codeBlock(n, i) {
  const block = code[i % code.length];
  const lines = block.split('\n');
  const comment = {
    yaml: '#',
    terraform: '#',
    python: '#',
    console: '$ echo',
    c: '//',
    json: '',
    go: '//',
    rust: '//',
    javascript: '//',
    sql: '--',
    dockerfile: '#',
  }[lines[0].slice(3)];
  if (comment) lines.splice(1, 0, `${comment} post ${n}, block ${i}: ${words[(n * 7 + i) % words.length]}`);
  const tag = `${words[(n + i) % words.length]}${n}`;
  return lines
    .map((line) => own(line, tag))
    .join('\n')
    .replace(/42|8080|t3\.micro|"hello"|"blog"/g, (match) => `${match}${n % 97}`);
}

/** A long listing, as real posts paste: a Python script of about 70 lines. */
function longListing(n, random) {
  const lines = [
    '```python',
    `"""Post ${n}: summarise a firewall log by ${words[n % words.length]}."""`,
    'import re',
    'import sys',
    'from collections import Counter',
    '',
  ];
  lines.push(`PATTERN = re.compile(r"SRC=(?P<src>\\S+) DST=(?P<dst>\\S+) .*DPT=(?P<port>\\d+)")`, '');
  for (let f = 0; f < 6; f++) {
    const name = `${words[(n + f) % words.length]}_${f}`;
    const tag = `${words[(n * 5 + f) % words.length]}${n}`;
    const body = [];
    body.push(
      `def ${name}(lines, limit=${10 + ((n + f) % 50)}):`,
      `    """${sentence(random, 7)}"""`,
      '    counts = Counter()',
      '    for line in lines:',
      '        match = PATTERN.search(line)',
      '        if match and int(match["port"]) < 1024:',
      `            counts[match["${['src', 'dst', 'port'][f % 3]}"]] += 1`,
      '    return counts.most_common(limit)',
      '',
    );
    lines.push(...body.map((line) => own(line, tag)));
  }
  lines.push(
    ...[
      'if __name__ == "__main__":',
      `    for key, total in ${words[n % words.length]}_0(sys.stdin):`,
      '        print(f"{key:>40} {total:8d}")',
    ].map((line) => own(line, `${words[n % words.length]}${n}`)),
    '```',
  );
  return lines.join('\n');
}

/**
 * The Markdown body of post `n`, as hard as real posts: inline HTML (`<kbd>`, `<abbr>`, a `<div>` block, a
 * figure), reference links, footnotes, a table, short code blocks in eleven languages and a long listing.
 */
export function postBody(n) {
  const random = rng(n + 1);
  const parts = [
    `${paragraph(random, 2)} Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop the [${words[n % words.length]} daemon][daemon].`,
    '<!--more-->',
  ];
  for (let section = 0; section < 5; section++) {
    parts.push(`## Section ${section + 1}: the ${words[(n + section) % words.length]} step`);
    parts.push(
      `${paragraph(random, 3)} The <abbr title="network address translation">NAT</abbr> table is in the [manual][manual-${section}].[^${section + 1}] ${paragraph(random, 3)}`,
    );
    parts.push(codeBlock(n, n + section));
    if (section % 2 === 0) parts.push(codeBlock(n, n + section + 3));
    parts.push(
      `- ${sentence(random, 6)}\n- ${sentence(random, 7)}\n- [a link](https://example.org/${n}/${section}) and \`inline code\`\n- see [the upstream notes][upstream]`,
    );
    if (section === 1) {
      parts.push(`<div class="note" markdown="1">\n**Note:** ${sentence(random, 10)} Use \`nft -c\` first.\n</div>`);
    }
    if (section === 2) parts.push(longListing(n, random));
    if (section === 3) {
      parts.push(
        `<figure>\n  <img src="/assets/diagram-${n % 20}.png" alt="A diagram of the ${words[n % words.length]} path">\n  <figcaption>The path of a packet.</figcaption>\n</figure>`,
      );
    }
    parts.push(paragraph(random, 5));
  }
  parts.push(
    [
      '| Field | Value | Default | Notes |',
      '| ----- | ----- | ------: | ----- |',
      ...Array.from(
        { length: 6 },
        (_, row) =>
          `| \`${words[(n + row) % words.length]}\` | ${words[(n * 3 + row) % words.length]} | ${row * 10 + (n % 10)} | ${sentence(random, 4)} |`,
      ),
    ].join('\n'),
  );
  parts.push(`A closing thought with a note.[^6] "Quoted" -- and done...`);
  parts.push(
    [
      ...Array.from({ length: 6 }, (_, note) => `[^${note + 1}]: ${sentence(random, 9)}`),
      '',
      `[daemon]: https://manpages.debian.org/${words[(n + 1) % words.length]}`,
      ...Array.from(
        { length: 5 },
        (_, section) => `[manual-${section}]: https://wiki.nftables.org/${n}/${section} "Manual, part ${section + 1}"`,
      ),
      `[upstream]: https://example.org/upstream/${n}`,
    ].join('\n'),
  );
  return `${parts.join('\n\n')}\n`;
}
