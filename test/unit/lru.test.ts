import { Lru } from '../../src/lru';

describe('Lru', () => {
  it('forgets the least recently used entry past its size', () => {
    const cache = new Lru<number>(3);
    for (const key of ['a', 'b', 'c']) cache.set(key, key.charCodeAt(0));
    expect(cache.get('a')).toBe(97); // now the most recently used
    cache.set('d', 100);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([97, 99, 100]);
    expect(cache.size).toBe(3);
  });

  it('never keeps a key over its length limit, and keeps nothing at size 0', () => {
    const cache = new Lru<number>(10, 2_048);
    const long = 'x'.repeat(2_049);
    expect(cache.set(long, 7)).toBe(7);
    expect(cache.get(long)).toBeUndefined();
    const none = new Lru<number>(0);
    none.set('a', 1);
    expect(none.get('a')).toBeUndefined();
  });
});
