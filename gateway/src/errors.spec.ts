import { GraphQLError } from 'graphql';
import { maskError } from './errors';
import { withSubgraphUrls } from './index';

describe('the gateway error mask', () => {
  it('passes domain errors through with their code and field, dropping the rest', () => {
    const e = maskError(
      new GraphQLError('bad', {
        path: ['createUnit'],
        extensions: { code: 'BAD_USER_INPUT', field: 'input.code', serviceName: 'org', request: { body: '...' } },
      }),
    );
    expect((e as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.code', serviceName: 'org' });
  });

  it('keeps what a CONFLICT points at: the current version of a stale update, the record holding a key', () => {
    const stale = maskError(
      new GraphQLError('stale', {
        extensions: { code: 'CONFLICT', field: 'input.version', currentVersion: 3, serviceName: 'tasks' },
      }),
    ) as GraphQLError;
    expect(stale.extensions).toEqual({
      code: 'CONFLICT',
      field: 'input.version',
      currentVersion: 3,
      serviceName: 'tasks',
    });
    const taken = maskError(
      new GraphQLError('taken', {
        extensions: {
          code: 'CONFLICT',
          field: 'input.unit',
          submission: '7',
          currentVersion: 1,
          serviceName: 'assessments',
        },
      }),
    ) as GraphQLError;
    expect(taken.extensions).toMatchObject({ submission: '7', currentVersion: 1 });
  });

  it('turns an unreachable subgraph into SUBGRAPH_UNAVAILABLE naming it, without its address', () => {
    const e = maskError(
      new GraphQLError('connect ECONNREFUSED 127.0.0.1:4002', {
        extensions: { code: 'SUBREQUEST_HTTP_ERROR', serviceName: 'tasks' },
      }),
    ) as GraphQLError;
    expect(e.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'tasks' });
    expect(e.message).not.toContain('127.0.0.1');
  });

  it("names a subgraph's failed dependency (tasks could not reach org) instead of the subgraph that reported it", () => {
    const down = maskError(
      new GraphQLError('子图 org 暂不可用', {
        path: ['task'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', dependency: 'org', serviceName: 'tasks' },
      }),
    ) as GraphQLError;
    expect(down.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'org' });
    expect(down.message).toBe('子图 org 暂不可用，其余数据照常返回');
    const failed = maskError(
      new GraphQLError('x', { extensions: { code: 'INTERNAL_SERVER_ERROR', dependency: 'org', serviceName: 'tasks' } }),
    ) as GraphQLError;
    expect(failed.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', serviceName: 'org' });
    // A dependency name that is not a plain subgraph name is not passed on.
    const odd = maskError(
      new GraphQLError('x', {
        originalError: new Error('x'),
        extensions: { code: 'INTERNAL_SERVER_ERROR', dependency: 'http://10.0.0.3', serviceName: 'tasks' },
      }),
    ) as GraphQLError;
    expect(odd.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', serviceName: 'tasks' });
  });

  it('turns a variable the schema refuses into BAD_USER_INPUT naming the variable path', () => {
    const original = new GraphQLError('Value "MINISTRY" does not exist in "UnitKind" enum.');
    const e = maskError(
      new GraphQLError(
        'Variable "$k" got invalid value "MINISTRY" at "k[0]"; Value "MINISTRY" does not exist in "UnitKind" enum.',
        { originalError: original, extensions: { http: { status: 400 } } },
      ),
    ) as GraphQLError;
    expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'k[0]' });
    const missing = maskError(
      new GraphQLError('Variable "$id" of required type "ID!" was not provided.', {
        extensions: { http: { status: 400 } },
      }),
    ) as GraphQLError;
    expect(missing.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    // the same message coming from a subgraph's internals stays masked
    expect(
      (
        maskError(
          new GraphQLError('Variable "$k" got invalid value 1;', {
            originalError: new Error('x'),
            extensions: { serviceName: 'org', code: 'INTERNAL_SERVER_ERROR' },
          }),
        ) as GraphQLError
      ).extensions.code,
    ).toBe('INTERNAL_SERVER_ERROR');
  });

  it('masks anything unexpected', () => {
    const e = maskError(
      new GraphQLError('password authentication failed for user "x" at 10.0.0.3', {
        originalError: new Error('x'),
        extensions: { serviceName: 'org', code: 'INTERNAL_SERVER_ERROR' },
      }),
    ) as GraphQLError;
    expect(e.message).toBe('服务器内部错误（子图 org）');
    expect(maskError(new TypeError('boom')).message).toBe('服务器内部错误');
  });
});

describe('subgraph URLs', () => {
  it('replaces the composed loopback URL of the named subgraphs only', () => {
    const sdl =
      'ORG @join__graph(name: "org", url: "http://127.0.0.1:4001/graphql")\nTASKS @join__graph(name: "tasks", url: "http://127.0.0.1:4002/graphql")';
    expect(withSubgraphUrls(sdl, { org: 'http://org.internal/graphql' })).toBe(
      'ORG @join__graph(name: "org", url: "http://org.internal/graphql")\nTASKS @join__graph(name: "tasks", url: "http://127.0.0.1:4002/graphql")',
    );
  });
});
