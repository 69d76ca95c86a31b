import { readFileSync } from 'node:fs';
import { wcagContrast } from 'culori';
import postcss, { type AtRule, type Rule } from 'postcss';
import { describe, expect, test } from 'vitest';

// Every colour Shiki's css-variables theme gives a token, with the code background, as the theme's
// stylesheet sets them for light mode (`:root`) and dark mode (`:root` in `prefers-color-scheme: dark`).
const css = postcss.parse(readFileSync(new URL('../src/styles/theme.css', import.meta.url), 'utf8'));

function shikiColours(rule: Rule): Map<string, string> {
  const colours = new Map<string, string>();
  rule.walkDecls(/^--shiki-/, (declaration) => {
    colours.set(declaration.prop, declaration.value);
  });
  return colours;
}

function rootRule(inDarkMedia: boolean): Rule {
  const rules: Rule[] = [];
  css.walkRules(':root', (rule) => {
    const media = rule.parent?.type === 'atrule' ? (rule.parent as AtRule) : undefined;
    const dark = media?.name === 'media' && media.params.includes('prefers-color-scheme: dark');
    if (inDarkMedia ? dark : !media) rules.push(rule);
  });
  expect(rules).toHaveLength(1);
  return rules[0]!;
}

// The variables Shiki's css-variables theme writes into highlighted code (see `createCssVariablesTheme`).
const tokenVariables = [
  '--shiki-foreground',
  '--shiki-token-constant',
  '--shiki-token-string',
  '--shiki-token-comment',
  '--shiki-token-keyword',
  '--shiki-token-parameter',
  '--shiki-token-function',
  '--shiki-token-string-expression',
  '--shiki-token-punctuation',
  '--shiki-token-link',
];

describe('code colours meet WCAG AA (4.5:1) against the code background', () => {
  for (const mode of ['light', 'dark'] as const) {
    test(`${mode} mode: every token colour`, () => {
      const colours = shikiColours(rootRule(mode === 'dark'));
      const background = colours.get('--shiki-background');
      expect(background).toBeDefined();
      const ratios = tokenVariables.map((variable) => {
        const colour = colours.get(variable);
        expect(colour, `${variable} is set in ${mode} mode`).toBeDefined();
        return { variable, colour, ratio: Math.round(wcagContrast(colour!, background!) * 100) / 100 };
      });
      expect(ratios.filter(({ ratio }) => ratio < 4.5)).toEqual([]);
    });
  }
});

test("Prism's token classes take their colours from the same variables, so they meet the same contrast", () => {
  const colours: { selector: string; value: string }[] = [];
  css.walkRules(/^\.prism /, (rule) => {
    rule.walkDecls('color', (declaration) => {
      colours.push({ selector: rule.selector, value: declaration.value });
    });
  });
  expect(colours.length).toBeGreaterThanOrEqual(8);
  for (const { selector, value } of colours) {
    const variable = /^var\((--shiki-[a-z-]+)\)$/.exec(value)?.[1];
    expect(tokenVariables, `${selector} { color: ${value} }`).toContain(variable);
  }
});
