/** A seeded source of randomness: the simulator never calls Math.random, so a seed replays a month exactly. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** One element; throws on an empty array (a programmer error). */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Bell-shaped noise (Irwin–Hall of four uniforms): mean and standard deviation as given, tails cut at about ±3.5 sd. */
  normal(mean?: number, sd?: number): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream named by `label`: what one unit draws does not shift what another draws. */
  fork(label: string | number): Random;
  /** The seed this stream started from. */
  readonly seed: number;
}

/** FNV-1a over the UTF-16 code units: a stable 32-bit number for a label. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Final mix of MurmurHash3: spreads neighbouring seeds (1, 2, 3 …) over the whole state space. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A small seeded PRNG (mulberry32) with the helpers the simulator needs. Same seed, same sequence,
 * in Node and in the browser.
 * @example const random = createRandom(42); random.int(1, 6); random.pick(['Có', 'Chưa có']);
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`A seed must be a finite number, got ${seed}`);
  const start = Math.trunc(seed) >>> 0;
  let state = mix(start);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    seed: start,
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new RangeError(`int(${min}, ${max}): need integers with min ≤ max`);
      return min + Math.floor(next() * (max - min + 1));
    },
    uniform(min, max) {
      return min + next() * (max - min);
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick() from an empty array');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance(p) {
      return next() < p;
    },
    normal(mean = 0, sd = 1) {
      // Sum of four uniforms has variance 4/12; scaling by √3 gives unit variance. Bounded, engine-independent arithmetic.
      const z = (next() + next() + next() + next() - 2) * Math.sqrt(3);
      return mean + sd * z;
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    fork(label) {
      return createRandom((mix(start ^ 0x9e3779b9) ^ hashLabel(String(label))) >>> 0);
    },
  };
  return random;
}
