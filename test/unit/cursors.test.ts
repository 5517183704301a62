import { decodeCursor, encodeCursor } from '../../src/graph/connection';

describe('cursors', () => {
  it('round-trip and stay opaque', () => {
    const cursor = encodeCursor(['backend developer', 'Backend Developer', 'backend-developer']);
    expect(cursor).not.toContain('backend');
    expect(decodeCursor(cursor)).toEqual(['backend developer', 'Backend Developer', 'backend-developer']);
    expect(decodeCursor(encodeCursor(['java', 'Java', 'java', 12]))).toEqual(['java', 'Java', 'java', 12]);
  });

  it('reads the cursors Cypher builds for relationship pages: c<id length>.<sort key length>:<id><sort key><name>', () => {
    expect(decodeCursor('c4.7:jávaéclairéÉclairé')).toEqual(['éclairé', 'Éclairé', 'jáva']);
  });

  it.each([
    ['a (name, id) key', Buffer.from('["Backend Developer","backend-developer"]').toString('base64url')],
    ['a ranked (name, id, rank) key', Buffer.from('["Java","java",12]').toString('base64url')],
    ['a k… cursor of a relationship page', 'k17:backend-developerBackend Developer'],
  ])('refuses a cursor from before names sorted without case and accents (%s), saying to start again', (_kind, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(
      expect.objectContaining({ message: expect.stringContaining('start again from the first page'), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it.each(['', 'abc', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["a"]').toString('base64url'), Buffer.from('["a","b","c",1.5]').toString('base64url')])(
    'refuses %j with BAD_USER_INPUT',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    },
  );
});
