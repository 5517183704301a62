import { RememberedCosts } from '../../src/security/limits';

describe('RememberedCosts', () => {
  it('forgets the oldest cost past 1,000 and never keeps a key over 2 KB', () => {
    const costs = new RememberedCosts();
    for (let i = 0; i <= 1_000; i += 1) expect(costs.remember(`key ${i}`, i)).toBe(i);
    expect(costs.get('key 0')).toBeUndefined();
    expect(costs.get('key 1')).toBe(1);
    expect(costs.get('key 1000')).toBe(1_000);
    const long = 'x'.repeat(2_049);
    expect(costs.remember(long, 7)).toBe(7);
    expect(costs.get(long)).toBeUndefined();
  });
});
