/**
 * Automatic persisted queries (Apollo's APQ protocol), when trusted documents are off: a client sends only
 * `extensions.persistedQuery.sha256Hash`; an unknown hash gets `PERSISTED_QUERY_NOT_FOUND` (message
 * "PersistedQueryNotFound"), the client sends hash and query together, the gateway checks the hash is the sha256 of the
 * text (else `PERSISTED_QUERY_HASH_MISMATCH`) and keeps it, and the next hash-only request runs. Kept in a bounded LRU
 * per gateway process (a restart forgets them: the client just registers again). Any caller may register, as any
 * caller may send any text in this mode; with TRUSTED_DOCUMENTS on the trusted-documents plugin answers the same
 * extension from its manifest and this plugin is not installed (trusted-documents.ts).
 *
 * Ours rather than @graphql-yoga/plugin-apq: the same protocol in a few lines, run after authentication (index.ts),
 * without one more dependency.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { documentId } from './trusted-documents';

export const APQ_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';
export const APQ_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH';
export const DEFAULT_APQ_CAPACITY = 1000;

/** A map that forgets its least recently used entry beyond `capacity`. */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  constructor(readonly capacity: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }
  get size(): number {
    return this.map.size;
  }
}

function apqError(message: string, code: string, status: number, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...(field ? { field } : {}), http: { status } },
  });
}

/** The envelop plugin: rewrites a hash-only request's params to carry the stored query text. */
export function apqPlugin(capacity = DEFAULT_APQ_CAPACITY): { store: LruCache<string>; plugin: GatewayPlugin } {
  const store = new LruCache<string>(capacity);
  return {
    store,
    plugin: {
      onParams({ params, setParams }): void {
        const pq = params.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
        if (pq == null) return;
        const hash = typeof pq === 'object' ? pq.sha256Hash : undefined;
        if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash)) {
          throw apqError(
            'extensions.persistedQuery.sha256Hash 须为 64 位十六进制 sha256',
            'BAD_REQUEST',
            400,
            'extensions.persistedQuery.sha256Hash',
          );
        }
        const key = hash.toLowerCase();
        if (params.query == null) {
          const query = store.get(key);
          // Status 200, as Apollo Server answers it: every APQ client reads the code from the body.
          if (query === undefined) throw apqError('PersistedQueryNotFound', APQ_NOT_FOUND, 200);
          setParams({ ...params, query });
          return;
        }
        if (typeof (params.query as unknown) !== 'string') return; // the runtime refuses it
        if (documentId(params.query) !== key) {
          throw apqError('PersistedQueryMismatch：sha256Hash 与查询文本不符', APQ_HASH_MISMATCH, 400, 'query');
        }
        store.set(key, params.query);
      },
    },
  };
}
