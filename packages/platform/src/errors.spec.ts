import { GraphQLError } from 'graphql';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from './errors';
import { formatSubgraphError } from './subgraph';

describe('errors', () => {
  it.each([
    [new BadInputError('input.validTo', 'x'), { code: 'BAD_USER_INPUT', field: 'input.validTo' }],
    [new NotFoundError('input.from', 'x'), { code: 'NOT_FOUND', field: 'input.from' }],
    [new ConflictError('input.code', 'x'), { code: 'CONFLICT', field: 'input.code' }],
    [new ForbiddenError('x'), { code: 'FORBIDDEN' }],
  ])('%s carries a fixed extensions.code', (e, ext) => {
    expect(e.extensions).toEqual(ext);
    expect(formatSubgraphError({ message: 'x', extensions: {} }, e).extensions).toEqual(ext);
  });

  it('masks an unexpected error: no message, SQL or stack reaches the client', () => {
    const out = formatSubgraphError(
      {
        message: 'relation "org.units" does not exist',
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      new Error('relation "org.units" does not exist'),
    );
    expect(out).toEqual({ message: '服务器内部错误', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps GraphQL input errors but drops their stack traces', () => {
    const out = formatSubgraphError(
      { message: 'bad', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at x'] } },
      new GraphQLError('bad'),
    );
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
