import { markdownToMdast } from 'satteri';
const src = process.argv[2].replace(/\\n/g, '\n');
const tree = markdownToMdast(src, { features: { gfm: true, frontmatter: false, math: { singleDollarTextMath: false }, definitionList: process.env.DL === '1' } });
console.log(JSON.stringify(tree, (k, v) => (k === 'position' ? (v ? `${v.start.line}:${v.start.column}(${v.start.offset})-${v.end.line}:${v.end.column}(${v.end.offset})` : v) : v), 1).slice(0, 3000));
