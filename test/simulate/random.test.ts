import { createRandom } from '../../lib/simulate/random';

const draw = (seed: number, n = 20) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('replays the same sequence from the same seed', () => {
    expect(draw(42)).toEqual(draw(42));
  });

  it('gives different sequences for neighbouring seeds', () => {
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(0)).not.toEqual(draw(1));
  });

  it('stays in [0, 1) and int(a, b) covers both ends', () => {
    const random = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      const x = random.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      seen.add(random.int(1, 6));
    }
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('picks from an array, refuses an empty one', () => {
    const random = createRandom(3);
    expect(['a', 'b', 'c']).toContain(random.pick(['a', 'b', 'c']));
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it('keeps chance(p) near p and normal noise near its mean and spread', () => {
    const random = createRandom(11);
    const n = 20_000;
    let hits = 0;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i += 1) {
      if (random.chance(0.08)) hits += 1;
      const z = random.normal(50, 5);
      sum += z;
      squares += z * z;
    }
    const mean = sum / n;
    expect(hits / n).toBeCloseTo(0.08, 2);
    expect(mean).toBeCloseTo(50, 0);
    expect(Math.sqrt(squares / n - mean * mean)).toBeCloseTo(5, 0);
  });

  it('shuffles a copy and keeps every element', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createRandom(5).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });

  it('forks independent named streams: drawing from one does not shift another', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    b.next();
    b.next();
    expect(draw(a.fork('SYT').seed)).toEqual(draw(b.fork('SYT').seed));
    expect(a.fork('SYT').next()).not.toBe(a.fork('CAT').next());
  });
});
