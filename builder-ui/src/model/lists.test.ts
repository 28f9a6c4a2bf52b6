import { describe, expect, it } from 'vitest';
import { moved } from './lists';

describe('moving a row of a list', () => {
  it('moves it up and down, leaving the others in order', () => {
    expect(moved(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the list as it was when a position is out of range, without changing the original', () => {
    const list = ['a', 'b'];
    expect(moved(list, 1, 2)).toEqual(['a', 'b']);
    expect(moved(list, -1, 0)).toEqual(['a', 'b']);
    expect(moved(list, 0, 1)).not.toBe(list);
    expect(list).toEqual(['a', 'b']);
  });
});
