import { luceneQuery } from '../../src/modules/search/search.cypher';

describe('luceneQuery', () => {
  it('escapes every special character and lower-cases operators', () => {
    expect(luceneQuery('C++ AND (java)')).toBe('c\\+\\+^2 c\\+\\+* and^2 and* \\(java\\)^2 \\(java\\)*');
    expect(luceneQuery('a:b "c" ~d^2 e\\ f/g')).toBe(
      'a\\:b^2 a\\:b* \\"c\\"^2 \\"c\\"* \\~d\\^2^2 \\~d\\^2* e\\\\^2 e\\\\* f\\/g^2 f\\/g*',
    );
  });
});
