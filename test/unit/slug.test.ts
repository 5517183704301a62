import { slug } from '../../src/modules/slug';

describe('slug', () => {
  it.each([
    ['Backend Developer', 'backend-developer'],
    ['Node.js', 'node-js'],
    ['  Crème brûlée ', 'creme-brulee'],
    ['Senior Backend Developer, Australia 2019', 'senior-backend-developer-australia-2019'],
    ['!!!', ''],
  ])('%j -> %j', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });
});
