/**
 * tiaokuai/layers: the import directions of a subgraph's module shape (ARCHITECTURE.md, and STYLE.md "the module
 * shape every subgraph should have"): resolver → service → store or domain; domain imports only domain.
 *
 * In `subgraphs/<name>/src/`:
 * - a `*.resolver.ts` imports no `*.store.ts` (it hands its arguments to a service);
 * - a `*.service.ts` imports no `*.resolver.ts`, `*.type.ts` or `*.input.ts` (services take plain TypeScript
 *   inputs; the type-graphql classes are structurally compatible with them);
 * - a `*.store.ts` imports no service, resolver, type or input;
 * - `src/context.ts` imports no service (its loaders call stores);
 * - a file under `src/domain/` imports only files under `src/domain/` and the packages in `domainAllow`
 *   (default: `@tiaokuai/leadership`). No node builtins, no other packages: domain rules are pure.
 * In `packages/leadership/src/`: no `@tiaokuai/*` package but itself (it is the pure base the others build on).
 *
 * `import type` counts like any other import: the direction is about what a layer knows, not what survives
 * compilation. Spec files (`*.spec.*`, `*.test.*`) and `src/testing/` are exempt: they may import anything.
 * A file's kind is read from its name; an import's kind from the file it resolves to, or from the specifier.
 */
import path from 'node:path';
import { importVisitor as visitor, isRelative, targetPath, toPosix } from '../imports.mjs';

const KIND = /\.(resolver|service|store|type|input)(?:\.d)?(?:\.[cm]?[jt]sx?)?$/;
const SPEC = /\.(spec|test)\.[cm]?[jt]sx?$/;

/** Where a file sits: `{ area: 'subgraph', root, rel }`, `{ area: 'leadership' }`, or undefined. */
function place(filename) {
  const file = toPosix(path.resolve(filename));
  const subgraph = /^(.*\/subgraphs\/[^/]+\/src)\/(.+)$/.exec(file);
  if (subgraph) return { area: 'subgraph', root: subgraph[1], rel: subgraph[2] };
  if (/\/packages\/leadership\/src\//.test(file)) return { area: 'leadership' };
  return undefined;
}

const kindOf = (file) => KIND.exec(path.basename(file))?.[1];

const ARTICLE = { resolver: 'a resolver', service: 'a service', store: 'a store', type: 'a type', input: 'an input' };

/** What each kind of file may not import, by the imported file's kind. */
const FORBIDDEN = {
  resolver: new Set(['store']),
  service: new Set(['resolver', 'type', 'input']),
  store: new Set(['service', 'resolver', 'type', 'input']),
};

const HINT = {
  resolver: 'call its service instead',
  service: 'take a plain TypeScript interface the type-graphql class satisfies',
  store: 'stores hold SQL only; pass what they need as plain values',
};

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Import directions between resolvers, services, stores, domain and context (docs/lint.md)' },
    schema: [
      {
        type: 'object',
        properties: { domainAllow: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      kind: 'layers: {{from}} may not import {{to}} ({{specifier}}): {{hint}}.',
      context: 'layers: context.ts may not import a service ({{specifier}}): its loaders call stores.',
      domain: 'layers: a domain file imports only src/domain/ files and {{allowed}}, not {{specifier}} (pure rules).',
      leadership: 'layers: @tiaokuai/leadership is pure and may not import {{specifier}} (platform or subgraphs).',
    },
  },
  create(context) {
    const filename = context.filename;
    const where = place(filename);
    if (!where || SPEC.test(filename)) return {};
    const domainAllow = context.options[0]?.domainAllow ?? ['@tiaokuai/leadership'];
    const allowedPackage = (specifier) => domainAllow.some((p) => specifier === p || specifier.startsWith(p + '/'));

    if (where.area === 'leadership') {
      return visitor((node, specifier) => {
        if (/^@tiaokuai\//.test(specifier) && !/^@tiaokuai\/leadership(\/|$)/.test(specifier)) {
          context.report({ node, messageId: 'leadership', data: { specifier } });
        }
      });
    }

    const { root, rel } = where;
    if (rel.startsWith('testing/')) return {};
    const ownKind = kindOf(filename);
    const inDomain = rel.startsWith('domain/');
    const isContext = /^context\.[cm]?[jt]s$/.test(rel);

    return visitor((node, specifier) => {
      const target = isRelative(specifier) ? toPosix(targetPath(filename, specifier)) : undefined;
      if (inDomain) {
        const ok = target ? target.startsWith(root + '/domain/') : allowedPackage(specifier);
        if (!ok) context.report({ node, messageId: 'domain', data: { specifier, allowed: domainAllow.join(', ') } });
        return;
      }
      if (!target) return;
      const targetKind = kindOf(target);
      if (isContext && targetKind === 'service') {
        context.report({ node, messageId: 'context', data: { specifier } });
      } else if (ownKind && FORBIDDEN[ownKind]?.has(targetKind)) {
        context.report({
          node,
          messageId: 'kind',
          data: { from: ARTICLE[ownKind], to: ARTICLE[targetKind], specifier, hint: HINT[ownKind] },
        });
      }
    });
  },
};
