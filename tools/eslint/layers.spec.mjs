import layers from './rules/layers.mjs';
import { ruleTester } from './rule-tester.mjs';

/** An imaginary checkout: the rule judges by path and by the specifier, so no file needs to exist. */
const SRC = '/repo/subgraphs/org/src';
const at = (file, code, options) => ({ filename: `${SRC}/${file}`, code, ...(options ? { options } : {}) });
const bad = (file, code, messageId, options) => ({ ...at(file, code, options), errors: [{ messageId }] });

ruleTester.run('tiaokuai/layers', layers, {
  valid: [
    // resolver → service, its own type and input, platform, enums
    at('modules/unit/unit.resolver.ts', "import { listUnits } from './unit.service';"),
    at(
      'modules/unit/unit.resolver.ts',
      "import { Unit } from './unit.type';\nimport { UnitInput } from './unit.input';",
    ),
    at('modules/unit/unit.resolver.ts', "import type { Unit } from './unit.type';"),
    at(
      'modules/unit/unit.resolver.ts',
      "import { GraphQLError } from 'graphql';\nimport { Problem } from '@tiaokuai/platform';",
    ),
    // a type and its resolver may know each other's types
    at('modules/unit/unit.type.ts', "import type { UnitResolver } from './unit.resolver';"),
    at('modules/unit/unit.type.ts', "import type { StoredUnit } from './unit.store';"),
    // service → store, domain, another service, platform, leadership
    at(
      'modules/unit/unit.service.ts',
      [
        "import { unitsByIds } from './unit.store';",
        "import { checkGrassroots } from '../../domain/rules/grassroots';",
        "import { auditOf } from '../audit/audit.service';",
        "import { withTransaction } from '@tiaokuai/platform';",
        "import { daysBetween } from '@tiaokuai/leadership';",
        "import type { RequestContext } from '../../request';",
      ].join('\n'),
    ),
    // store → db schema, domain types, platform
    at(
      'modules/unit/unit.store.ts',
      "import { units } from '../../db/schema';\nimport type { Unit } from '../../domain/types';",
    ),
    // context → stores, platform, the request types
    at(
      'context.ts',
      "import { unitsByIds } from './modules/unit/unit.store';\nimport type { Loaders } from './request';",
    ),
    // domain → domain and leadership
    at(
      'domain/rules/grassroots.ts',
      "import type { UnitRecord } from '../types';\nimport { isDay } from '@tiaokuai/leadership';",
    ),
    at('domain/detectors/missing.ts', "export { detect } from './detector';\nexport * from '../labels';"),
    // a package named in domainAllow
    at('domain/calendar.ts', "import ICAL from 'ical.js';", [{ domainAllow: ['@tiaokuai/leadership', 'ical.js'] }]),
    // specs and src/testing/ may import anything
    at('modules/unit/unit.resolver.spec.ts', "import { unitsByIds } from './unit.store';"),
    at('modules/unit/unit.service.spec.ts', "import { UnitInput } from './unit.input';"),
    at(
      'domain/rules/grassroots.spec.ts',
      "import fc from 'fast-check';\nimport { seed } from '../../testing/fixtures';",
    ),
    at('testing/harness.ts', "import { createUnit } from '../modules/unit/unit.resolver';"),
    at('testing/harness.ts', "import { unitsByIds } from '../modules/unit/unit.store';"),
    // files outside the module shape are not judged
    at('schema.ts', "import { UnitResolver } from './modules/unit/unit.resolver';"),
    {
      filename: '/repo/gateway/src/server.resolver.ts',
      code: "import { x } from './cache.store';",
    },
    // leadership imports only itself
    { filename: '/repo/packages/leadership/src/days.ts', code: "import { groupBy } from './collections';" },
    { filename: '/repo/packages/leadership/src/days.spec.ts', code: "import { x } from '@tiaokuai/platform';" },
  ],
  invalid: [
    bad('modules/unit/unit.resolver.ts', "import { unitsByIds } from './unit.store';", 'kind'),
    bad('modules/unit/unit.resolver.ts', "import type { StoredUnit } from '../unit/unit.store';", 'kind'),
    bad('graphql/audit.resolver.ts', "export { auditRows } from '../audit/audit.store';", 'kind'),
    bad('modules/unit/unit.service.ts', "import { UnitResolver } from './unit.resolver';", 'kind'),
    bad('modules/unit/unit.service.ts', "import { Unit } from './unit.type';", 'kind'),
    bad('modules/unit/unit.service.ts', "import type { UnitInput } from './unit.input';", 'kind'),
    bad('modules/unit/unit.service.ts', "const m = await import('./unit.resolver');", 'kind'),
    bad('modules/unit/unit.store.ts', "import { listUnits } from './unit.service';", 'kind'),
    bad('modules/unit/unit.store.ts', "import type { Unit } from './unit.type';", 'kind'),
    bad('modules/unit/unit.store.ts', "import { UnitInput } from './unit.input';", 'kind'),
    bad('modules/unit/unit.store.ts', "import { UnitResolver } from './unit.resolver';", 'kind'),
    bad('context.ts', "import { partyBuildingBatch } from './units/party-building.service';", 'context'),
    bad('context.ts', "import type { Answer } from './units/party-building.service';", 'context'),
    bad('domain/rules/grassroots.ts', "import { units } from '../../db/schema';", 'domain'),
    bad('domain/rules/grassroots.ts', "import type { Unit } from '../../modules/unit/unit.type';", 'domain'),
    bad('domain/rules/grassroots.ts', "import { Problem } from '@tiaokuai/platform';", 'domain'),
    bad('domain/rules/grassroots.ts', "import { readFileSync } from 'node:fs';", 'domain'),
    bad('domain/rules/grassroots.ts', "import { GraphQLError } from 'graphql';", 'domain'),
    bad('domain/calendar.ts', "import ICAL from 'ical.js';", 'domain'),
    bad('domain/list-keys.ts', "import { seed } from '../testing/fixtures';", 'domain'),
    {
      filename: '/repo/packages/leadership/src/days.ts',
      code: "import { Problem } from '@tiaokuai/platform';\nimport { x } from '@tiaokuai/subgraph-org';",
      errors: [{ messageId: 'leadership' }, { messageId: 'leadership' }],
    },
    {
      ...at('modules/task/task.resolver.ts', "import { tasksByIds } from './task.store.js';"),
      errors: [{ message: 'layers: a resolver may not import a store (./task.store.js): call its service instead.' }],
    },
  ],
});
