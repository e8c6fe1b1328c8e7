import { median, percentile } from './stats';

describe('stats', () => {
  it.each([
    // values, p, expected: index ⌊p/100 · n⌋ of the sorted values, clamped to the last
    [[7], 50, 7],
    [[7], 99, 7],
    [[3, 1, 2], 50, 2],
    [[4, 1, 3, 2], 50, 3], // the upper middle value, not the mean
    [[4, 1, 3, 2], 0, 1],
    [[4, 1, 3, 2], 25, 2],
    [[4, 1, 3, 2], 100, 4],
    [Array.from({ length: 100 }, (_, i) => 100 - i), 95, 96],
    [Array.from({ length: 100 }, (_, i) => i + 1), 99, 100],
    [Array.from({ length: 200 }, (_, i) => i + 1), 99, 199],
    [[10, 10, 20, 30], 50, 20],
  ])('percentile(%j, %p) is %p', (xs, p, expected) => {
    expect(percentile(xs, p)).toBe(expected);
  });

  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
    [[5, 1], 3],
  ])('median(%j) is %p', (xs, expected) => {
    expect(median(xs)).toBe(expected);
  });

  it('is NaN without values, and leaves its input as it was', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(median([])).toBeNaN();
    const xs = [3, 1, 2];
    percentile(xs, 50);
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});
