import { describe, expect, it } from 'vitest';
import { matchesQuery } from './matchesQuery';

describe('command palette matching', () => {
  it('matches every word in any order, ignoring case', () => {
    expect(matchesQuery('Go to Review', 'go review')).toBe(true);
    expect(matchesQuery('Go to Review', 'REVIEW go')).toBe(true);
    expect(matchesQuery('Go to Review', 'go history')).toBe(false);
    expect(matchesQuery('Theme: Dark', '')).toBe(true);
  });
});
