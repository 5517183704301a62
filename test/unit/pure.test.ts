import { decodeCursor, encodeCursor } from '../../src/graph/connection';
import { splitStatements } from '../../src/graph/cypher-files';
import { slug } from '../../src/modules/slug';
import { luceneQuery } from '../../src/modules/traversal/traversal.cypher';
import { RememberedCosts } from '../../src/security/limits';

describe('splitStatements', () => {
  it('splits on semicolons outside strings, names and comments', () => {
    const script = `// a comment; not a statement
CREATE (:A {name: 'x;y'}); /* block; comment */ MATCH (n:\`we;ird\`) RETURN n;
RETURN "quote \\" ; inside";

`;
    expect(splitStatements(script)).toEqual([
      "CREATE (:A {name: 'x;y'})",
      'MATCH (n:`we;ird`) RETURN n',
      'RETURN "quote \\" ; inside"',
    ]);
  });

  it('keeps a last statement without a semicolon and drops empty ones', () => {
    expect(splitStatements(';;RETURN 1')).toEqual(['RETURN 1']);
  });
});

describe('cursors', () => {
  it('round-trip and stay opaque', () => {
    const cursor = encodeCursor(['Backend Developer', 'backend-developer']);
    expect(cursor).not.toContain('backend');
    expect(decodeCursor(cursor)).toEqual(['Backend Developer', 'backend-developer']);
  });

  it.each(['', 'abc', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["a"]').toString('base64url')])(
    'refuses %j with BAD_USER_INPUT',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    },
  );
});

describe('luceneQuery', () => {
  it('escapes every special character and lower-cases operators', () => {
    expect(luceneQuery('C++ AND (java)')).toBe('c\\+\\+^2 c\\+\\+* and^2 and* \\(java\\)^2 \\(java\\)*');
    expect(luceneQuery('a:b "c" ~d^2 e\\ f/g')).toBe(
      'a\\:b^2 a\\:b* \\"c\\"^2 \\"c\\"* \\~d\\^2^2 \\~d\\^2* e\\\\^2 e\\\\* f\\/g^2 f\\/g*',
    );
  });
});

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
