import { decodeCursor, encodeCursor } from '../../src/graph/connection';

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
