/**
 * Trusted documents (persisted documents): in production the gateway can run only the
 * operations a committee registered in a manifest, and refuse any other query text. Clients
 * send a document's id instead of its text: `documentId` in the body or the query string
 * (Hive's form), or `extensions.persistedQuery.sha256Hash` (Apollo's). The runtime's built-in
 * `persistedDocuments` option does the work (@graphql-yoga/plugin-persisted-operations); this
 * file reads and checks the manifest, and sets the errors and the order (authentication first).
 *
 * Manifest (a JSON file), either shape:
 *   { "<id>": "<document text>", ... }                        the id is sha256 hex of the text
 *   { "format": "apollo-persisted-query-manifest", "version": 1,
 *     "operations": [{ "id", "body", "name", "type" }] }      Apollo's, as `npm run trusted-documents` writes
 * An id that looks like a sha256 (64 hex digits) must be the sha256 of its text, so a document
 * edited after review cannot keep its id. Every text must parse as an executable document.
 *
 * Environment: TRUSTED_DOCUMENTS=<manifest path> turns the mode on (off by default);
 * TRUSTED_DOCUMENTS_ALLOW_ARBITRARY=true also runs any other text and logs it (a migration).
 */
import { Kind, parse, type GraphQLErrorExtensions } from 'graphql';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The codes Hive's own persisted documents use (its CDN mode in @graphql-hive/yoga). */
export const DOCUMENT_REQUIRED = 'PERSISTED_DOCUMENT_REQUIRED';
export const DOCUMENT_NOT_FOUND = 'PERSISTED_DOCUMENT_NOT_FOUND';

export interface TrustedDocumentsSettings {
  /** Path of the manifest. */
  file: string;
  /** Run arbitrary query text as well (and log it), for a migration period. */
  allowArbitrary?: boolean;
}

export interface TrustedDocuments {
  file: string;
  allowArbitrary: boolean;
  /** Id → document text. */
  documents: ReadonlyMap<string, string>;
}

/** The id of a document: sha256 of its exact text, lower-case hex. */
export const documentId = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const APOLLO_MANIFEST_FORMAT = 'apollo-persisted-query-manifest';
const ID = /^[\w.:~-]{1,256}$/;
const SHA256 = /^[0-9a-f]{64}$/i;

/** Id → text from a parsed manifest of either shape; throws one Error listing every problem. */
export function parseManifest(manifest: unknown): Map<string, string> {
  const problems: string[] = [];
  const entries: Array<[unknown, unknown, string]> = []; // id, text, where
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new Error('expected a JSON object (id → document text, or an Apollo persisted query manifest)');
  }
  const m = manifest as Record<string, unknown>;
  if ('format' in m) {
    if (m.format !== APOLLO_MANIFEST_FORMAT || m.version !== 1 || !Array.isArray(m.operations)) {
      throw new Error(
        `unknown manifest format ${JSON.stringify(m.format)} version ${JSON.stringify(m.version)} (expected "${APOLLO_MANIFEST_FORMAT}" version 1 with "operations")`,
      );
    }
    m.operations.forEach((op, i) => {
      if (typeof op !== 'object' || op === null) problems.push(`operations[${i}]: not an object`);
      else entries.push([(op as Record<string, unknown>).id, (op as Record<string, unknown>).body, `operations[${i}]`]);
    });
  } else {
    for (const [id, text] of Object.entries(m)) entries.push([id, text, JSON.stringify(id)]);
  }
  const documents = new Map<string, string>();
  for (const [id, text, where] of entries) {
    if (typeof id !== 'string' || !ID.test(id)) {
      problems.push(`${where}: the id must be 1–256 letters, digits or _.:~-`);
      continue;
    }
    if (typeof text !== 'string') {
      problems.push(`${where}: the document must be a string`);
      continue;
    }
    if (SHA256.test(id) && id.toLowerCase() !== documentId(text)) {
      problems.push(`${where}: the id is not the sha256 of the document text (${documentId(text)})`);
      continue;
    }
    if (documents.has(id) && documents.get(id) !== text) {
      problems.push(`${where}: id ${id} appears twice with different texts`);
      continue;
    }
    try {
      const doc = parse(text, { noLocation: true });
      if (!doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) throw new Error('no operation');
      if (!doc.definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION))
        throw new Error('only operations and fragments may appear');
    } catch (e) {
      problems.push(`${where}: not a GraphQL operation (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    documents.set(id, text);
  }
  if (!problems.length && !documents.size) problems.push('no documents: every request would be refused');
  if (problems.length) {
    const shown = problems.slice(0, 10).join('; ');
    throw new Error(problems.length > 10 ? `${shown}; and ${problems.length - 10} more` : shown);
  }
  return documents;
}

/** Reads and checks the manifest: an unreadable or malformed file stops the gateway, naming it. */
export function loadTrustedDocuments(settings: TrustedDocumentsSettings): TrustedDocuments {
  const fail = (why: string) => new Error(`TRUSTED_DOCUMENTS ${settings.file}: ${why}`);
  let text: string;
  try {
    text = readFileSync(settings.file, 'utf8');
  } catch (e) {
    throw fail(`cannot read the manifest (${(e as Error).message.split(',')[0]})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw fail(`not valid JSON (${(e as Error).message})`);
  }
  try {
    return { file: settings.file, allowArbitrary: settings.allowArbitrary === true, documents: parseManifest(json) };
  } catch (e) {
    throw fail((e as Error).message);
  }
}

/** TRUSTED_DOCUMENTS and TRUSTED_DOCUMENTS_ALLOW_ARBITRARY; undefined when the mode is off. */
export function trustedDocumentsFromEnv(env: NodeJS.ProcessEnv = process.env): TrustedDocumentsSettings | undefined {
  const file = env.TRUSTED_DOCUMENTS || undefined;
  const allow = env.TRUSTED_DOCUMENTS_ALLOW_ARBITRARY ?? '';
  if (!['', 'true', 'false'].includes(allow))
    throw new Error(`TRUSTED_DOCUMENTS_ALLOW_ARBITRARY must be true or false, got ${JSON.stringify(allow)}`);
  if (!file) {
    if (allow === 'true')
      throw new Error('TRUSTED_DOCUMENTS_ALLOW_ARBITRARY=true needs TRUSTED_DOCUMENTS (the manifest)');
    return undefined;
  }
  return { file, allowArbitrary: allow === 'true' };
}

const refusal = (
  message: string,
  code: string,
  status: number,
): { message: string; extensions: GraphQLErrorExtensions } => ({ message, extensions: { code, http: { status } } });

/**
 * The runtime's `persistedDocuments` option for a manifest. `authenticate` runs first (the runtime's plugin runs before
 * ours), so an anonymous caller gets 401 for text and ids alike and learns nothing about which ids are registered; only
 * a request with neither gets 400. `served` tells which requests ran a registered document (the others, in the
 * migration mode, ran arbitrary text).
 */
export function persistedDocumentsOption(trusted: TrustedDocuments, authenticate: (request: Request) => Promise<void>) {
  const served = new WeakSet<Request>();
  const required = refusal(
    '本网关只执行已登记的操作：请发送 documentId（或 extensions.persistedQuery.sha256Hash），不发送查询文本',
    DOCUMENT_REQUIRED,
    400,
  );
  return {
    served: (request: Request) => served.has(request),
    option: {
      // The ids come from the runtime's default extractor: Apollo's `extensions.persistedQuery`
      // (version 1, sha256Hash), then `documentId` (in the body or the query string).
      getPersistedOperation: async (id: string, request: Request) => {
        await authenticate(request);
        const text = trusted.documents.get(id);
        if (text === undefined) return null;
        served.add(request);
        return text; // parsed, validated and limited like any other query
      },
      allowArbitraryDocuments: async (request: Request) => {
        await authenticate(request);
        return trusted.allowArbitrary;
      },
      customErrors: {
        persistedQueryOnly: required,
        keyNotFound: required,
        notFound: refusal('未登记的操作：documentId 不在本网关的可信文档清单中', DOCUMENT_NOT_FOUND, 400),
      },
    },
  };
}

/** For the mask: the refusals above are the client's to see. */
export const TRUSTED_DOCUMENT_CODES = [DOCUMENT_REQUIRED, DOCUMENT_NOT_FOUND];
