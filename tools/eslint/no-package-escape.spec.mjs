import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import noPackageEscape from './rules/no-package-escape.mjs';
import { ruleTester } from './rule-tester.mjs';

/** Package roots are found by their package.json, so the tree is real; the imported files need not exist. */
const root = mkdtempSync(path.join(tmpdir(), 'tiaokuai-escape-'));
after(() => rmSync(root, { recursive: true, force: true }));
const packages = { '.': 'hub', 'packages/platform': '@tiaokuai/platform', 'subgraphs/org': '', 'subgraphs/tasks': '' };
for (const [dir, name] of Object.entries(packages)) {
  mkdirSync(path.join(root, dir, 'src'), { recursive: true });
  writeFileSync(path.join(root, dir, 'package.json'), name ? JSON.stringify({ name }) : '{}');
}

const org = (code) => ({ filename: path.join(root, 'subgraphs/org/src/units/unit.service.ts'), code });

ruleTester.run('tiaokuai/no-package-escape', noPackageEscape, {
  valid: [
    org("import { unitsByIds } from './unit.store';"),
    org("import { Db } from '../db/schema';"),
    org("import config from '../../package.json';"),
    org("import { Problem } from '@tiaokuai/platform';"),
    org("import { readFileSync } from 'node:fs';"),
  ],
  invalid: [
    {
      ...org("import { db } from '../../../../packages/platform/src/db';"),
      errors: [
        {
          message:
            'no-package-escape: ../../../../packages/platform/src/db leaves this package for @tiaokuai/platform;' +
            ' import that package by its name.',
        },
      ],
    },
    {
      ...org("export * from '../../../tasks/src/index';"),
      errors: [
        {
          message:
            'no-package-escape: ../../../tasks/src/index leaves this package for ../tasks; import that package by its name.',
        },
      ],
    },
    { ...org("const m = require('../../../../jest.preset.js');"), errors: [{ messageId: 'escape' }] },
    { ...org("type T = import('../../../../packages/platform/src/db').Db;"), errors: [{ messageId: 'escape' }] },
  ],
});
