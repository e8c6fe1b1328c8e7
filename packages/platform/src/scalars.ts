import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { isDay } from '@tiaokuai/leadership';

function parse(value: unknown): string {
  if (!isDay(value)) {
    throw new GraphQLError(`日期格式无效：${JSON.stringify(value)}，应为 YYYY-MM-DD 的真实日期`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** `Date`: a calendar day, `YYYY-MM-DD`, no time and no time zone. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: '日期：公历日，YYYY-MM-DD，无时刻无时区 (a calendar day, RFC 3339 full-date)',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (v) => parse(v),
  parseValue: (v) => parse(v),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('日期必须是 YYYY-MM-DD 字符串', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parse(ast.value);
  },
});

/** `JSON`: graphql-scalars' JSON, described in the hub's way and specified by ECMA-404. */
export const JSONScalar = new GraphQLScalarType({
  ...GraphQLJSON.toConfig(),
  description: 'JSON 值：任意 JSON 数据 (any JSON value, ECMA-404)',
  specifiedByURL: 'https://ecma-international.org/publications-and-standards/standards/ecma-404/',
});

/**
 * `DateTimeISO`: an instant (type-graphql's scalar for `Date` fields, graphql-scalars'
 * DateTimeISO), described and specified by RFC 3339's date-time. Mapped to `Date` in
 * buildFederatedSchema's `scalarsMap`.
 */
export const DateTimeISOScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  description: '时刻：UTC 时间戳，如 2007-12-03T10:15:30Z (an instant, RFC 3339 date-time)',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
});
