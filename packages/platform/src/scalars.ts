import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
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
  description: 'A calendar day, YYYY-MM-DD',
  serialize: (v) => parse(v),
  parseValue: (v) => parse(v),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('日期必须是 YYYY-MM-DD 字符串', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parse(ast.value);
  },
});

export const JSONScalar = GraphQLJSON;
