import { describe, expect, test } from 'vitest';
import { BlogSourceError } from '../../src/problems.ts';
import { themeFiles } from '../../src/load/options.ts';
import { buildTime, createState } from '../../src/load/state.ts';
import { makeSite, now, stateOf } from './site.ts';

describe('createState', () => {
  test('reads the site config and resolves the options against it', () => {
    const state = stateOf({ '_config.yml': 'title: Wire Notes\nfuture: true\nshow_drafts: true\n' });
    expect(state.site.title).toBe('Wire Notes');
    expect([state.showFuture, state.showDrafts, state.now]).toEqual([true, true, now]);
    expect([...state.replaced]).toEqual([...themeFiles]);
    expect([state.entries, state.problems, state.files]).toEqual([[], [], []]);
  });

  test('options win over the config; `_config.yaml` is read when there is no `_config.yml`', () => {
    const root = makeSite({ '_config.yaml': 'title: Yaml Named\nfuture: true\n' });
    const state = createState(root, { future: false, drafts: true, replacedFiles: ['feed.xml'] });
    expect(state.site.title).toBe('Yaml Named');
    expect([state.showFuture, state.showDrafts, [...state.replaced]]).toEqual([false, true, ['feed.xml']]);
  });

  test('a bad config fails with its file and line', () => {
    const root = makeSite({ '_config.yml': 'title: Ok\nurl: not a url\n' });
    expect(() => createState(root)).toThrow(BlogSourceError);
    expect(() => createState(root)).toThrow(/_config\.yml:2/);
  });
});

describe('buildTime: what `now` is when no option gives it', () => {
  test('SOURCE_DATE_EPOCH pins it, so a build made later gives the same site', () => {
    expect(buildTime({ SOURCE_DATE_EPOCH: '1700000000' })).toEqual(new Date('2023-11-14T22:13:20Z'));
  });

  test('without it, the clock', () => {
    const before = Date.now();
    const time = buildTime({}).getTime();
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
  });

  test('a value that is not whole seconds is an error naming the variable', () => {
    expect(() => buildTime({ SOURCE_DATE_EPOCH: '2023-11-14' })).toThrow(
      /SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01, got `2023-11-14`/,
    );
  });
});
