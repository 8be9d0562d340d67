// isInside: the one containment check of the services.
import { describe, expect, it } from 'vitest';
import { isInside } from './paths';

describe('isInside', () => {
  it('holds for the folder itself and what lies below it, not for siblings, parents or look-alike prefixes', () => {
    expect(isInside('/p', '/p')).toBe(true);
    expect(isInside('/p/a/b.py', '/p')).toBe(true);
    // A name that starts with two dots is inside; only `..` as a whole segment leaves.
    expect(isInside('/p/..data.py', '/p')).toBe(true);
    expect(isInside('/p/../q/b.py', '/p')).toBe(false);
    expect(isInside('/', '/p')).toBe(false);
    expect(isInside('/prefix/b.py', '/p')).toBe(false);
    expect(isInside('/q', '/p')).toBe(false);
  });
});
