import { composeServices } from '@apollo/composition';
import { lexicographicSortSchema, parse, printSchema, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from './subgraphs';

export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');

export interface Composed {
  files: Record<string, string>; // file name under schema/ → content
}

/**
 * Composes the supergraph at build time from each subgraph's SDL (Apollo composition, which
 * the gateway's supergraph format comes from). The default subgraph URLs are loopback; the
 * gateway replaces them from its configuration at start-up.
 */
export async function compose(): Promise<Composed> {
  const files: Record<string, string> = {};
  const services = [];
  for (const s of SUBGRAPHS) {
    const { sdl } = await s.build();
    files[`${s.name}.graphql`] = sdl;
    services.push({ name: s.name, typeDefs: parse(sdl), url: `http://127.0.0.1:${s.port}/graphql` });
  }
  const result = composeServices(services);
  if (result.errors?.length || !result.schema) {
    throw new Error(`composition failed:\n${(result.errors ?? []).map((e) => e.message).join('\n')}`);
  }
  files['supergraph.graphql'] = result.supergraphSdl!;
  files['public.graphql'] = printPublicSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return { files };
}

/**
 * What clients see (schema/public.graphql): the supergraph's API schema, without the
 * join__/link__ machinery and without `@inaccessible` elements (the service-to-service
 * fields), with descriptions, types and fields sorted by name so the file only moves when
 * the schema does. The gateway serves the same schema by introspection (test/src/public-schema.e2e.spec.ts).
 */
export function printPublicSchema(api: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(api))}\n`;
}

/** The files under schema/ that differ from a fresh composition (empty when up to date). */
export async function staleFiles(): Promise<string[]> {
  const { files } = await compose();
  return Object.entries(files)
    .filter(([name, content]) => {
      try {
        return readFileSync(path.join(SCHEMA_DIR, name), 'utf8') !== content;
      } catch {
        return true;
      }
    })
    .map(([name]) => name);
}
