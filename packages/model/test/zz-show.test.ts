import { test } from 'vitest';
import { modelChecks, passes } from './jekyll-parity.ts';
test('show', async () => {
  for (const f of (process.env.FIX ?? '').split(',')) for (const c of await modelChecks(f)) if (!passes(c)) console.log(c.id, '\n   want', JSON.stringify(c.expected)?.slice(0,400), '\n   got ', JSON.stringify(c.actual)?.slice(0,400));
});
