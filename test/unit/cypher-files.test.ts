import { splitStatements } from '../../src/graph/cypher-files';

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
