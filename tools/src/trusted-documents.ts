/**
 * npm run trusted-documents -- [--map] [--out manifest.json] [--schema FILE] FILE.graphql...
 * Writes the manifest of trusted documents for the gateway (TRUSTED_DOCUMENTS), to stdout
 * without --out (then use `npm run -s`, or npm's own header lands in the file): one document
 * per named operation in the files, with the fragments it uses (from any of the files),
 * validated against the hub's schema (schema/supergraph.graphql, or --schema), printed by
 * graphql-js, its id the sha256 hex of that text. The default output is Apollo's
 * persisted query manifest (id, name, type, body: readable in a review, and read by Apollo
 * Client's persisted-queries link); `--map` writes plain `{ "id": "text" }`. Clients send the
 * id (`documentId`, or `extensions.persistedQuery.sha256Hash`) instead of the text.
 */
import { documentId, parseManifest, APOLLO_MANIFEST_FORMAT } from '@tiaokuai/gateway/trusted-documents';
import {
  buildASTSchema,
  Kind,
  parse,
  print,
  validate,
  visit,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SUPERGRAPH = path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');

export interface ManifestOperation {
  id: string;
  name: string;
  type: string;
  body: string;
}
export interface ApolloManifest {
  format: typeof APOLLO_MANIFEST_FORMAT;
  version: 1;
  operations: ManifestOperation[];
}

/**
 * The manifest for the operations in these sources (name: file name, for messages), each
 * validated against the schema when one is given (the composed supergraph's SDL).
 */
export function trustedDocumentsManifest(
  sources: Array<{ name: string; text: string }>,
  schemaSdl?: string,
): ApolloManifest {
  const schema = schemaSdl === undefined ? undefined : buildASTSchema(parse(schemaSdl), { assumeValidSDL: true });
  const operations: Array<[OperationDefinitionNode, string]> = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const source of sources) {
    let doc;
    try {
      doc = parse(source.text, { noLocation: true });
    } catch (e) {
      throw new Error(`${source.name}: ${(e as Error).message}`);
    }
    for (const def of doc.definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION) {
        if (!def.name)
          throw new Error(`${source.name}: every operation needs a name (clients and reviewers find it by name)`);
        operations.push([def, source.name]);
      } else if (def.kind === Kind.FRAGMENT_DEFINITION) {
        const other = fragments.get(def.name.value);
        if (other && print(other) !== print(def))
          throw new Error(`${source.name}: fragment ${def.name.value} is defined twice, differently`);
        fragments.set(def.name.value, def);
      } else {
        throw new Error(
          `${source.name}: only operations and fragments belong in a trusted document (found ${def.kind})`,
        );
      }
    }
  }
  const names = new Set<string>();
  const out = operations.map(([op, file]) => {
    const name = op.name!.value;
    if (names.has(name)) throw new Error(`${file}: operation ${name} is defined twice`);
    names.add(name);
    // The fragments this operation uses, directly or through other fragments.
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragmentName = spread.name.value;
          if (used.has(fragmentName)) return;
          const fragment = fragments.get(fragmentName);
          if (!fragment)
            throw new Error(
              `${file}: operation ${name} uses fragment ${fragmentName}, which none of the files defines`,
            );
          used.set(fragmentName, fragment);
          collect(fragment);
        },
      });
    collect(op);
    const sorted = [...used.keys()].sort().map((k) => used.get(k)!);
    const document = { kind: Kind.DOCUMENT, definitions: [op, ...sorted] } as const;
    const invalid = schema ? validate(schema, document) : [];
    if (invalid.length) throw new Error(`${file}: operation ${name}: ${invalid.map((e) => e.message).join('; ')}`);
    const body = print(document);
    return { id: documentId(body), name, type: op.operation, body };
  });
  const manifest: ApolloManifest = { format: APOLLO_MANIFEST_FORMAT, version: 1, operations: out };
  parseManifest(manifest); // what the gateway will check at start-up
  return manifest;
}

const USAGE =
  'usage: npm run trusted-documents -- [--map] [--out manifest.json] [--schema supergraph.graphql] FILE.graphql...';

function main() {
  const args = process.argv.slice(2);
  const valued = ['--out', '--schema'].map((flag) => args.indexOf(flag)).filter((i) => i >= 0);
  const value = (flag: string) => (args.includes(flag) ? (args[args.indexOf(flag) + 1] ?? '') : undefined);
  const out = value('--out');
  const files = args.filter((a, i) => a !== '--map' && !valued.some((v) => i === v || i === v + 1));
  if (!files.length || files.some((f) => f.startsWith('--')) || out === '' || value('--schema') === '') {
    console.error(USAGE);
    process.exit(2);
  }
  const schema = readFileSync(value('--schema') ?? SUPERGRAPH, 'utf8');
  const manifest = trustedDocumentsManifest(
    files.map((name) => ({ name, text: readFileSync(name, 'utf8') })),
    schema,
  );
  const output = args.includes('--map') ? Object.fromEntries(manifest.operations.map((o) => [o.id, o.body])) : manifest;
  const text = JSON.stringify(output, null, 2) + '\n';
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  console.error(`${manifest.operations.length} documents: ${manifest.operations.map((o) => o.name).join(', ')}`);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
