import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import noCycle from './rules/no-cycle.mjs';
import { ruleTester } from './rule-tester.mjs';

/** A real tree on disk: the rule reads the other files of the package from there. */
const root = mkdtempSync(path.join(tmpdir(), 'tiaokuai-no-cycle-'));
after(() => rmSync(root, { recursive: true, force: true }));

const files = {
  'pkg/package.json': '{}',
  // a → b → a, with b's import type-only
  'pkg/src/a.ts': "import { b } from './b';\nexport const a = 1;",
  'pkg/src/b.ts': "import type { a } from './a';\nexport const b = 2;",
  // context → findings.service → context, and context → findings.service → report.service → context
  'pkg/src/context.ts': "import { findings } from './tasks/findings.service';",
  'pkg/src/tasks/findings.service.ts':
    "import type { Ctx } from '../context';\nimport { report } from './report.service';",
  'pkg/src/tasks/report.service.ts': "import type { Ctx } from '../context.js';",
  // no cycle: x → y → z
  'pkg/src/x.ts': "import { y } from './y';",
  'pkg/src/y.ts': "export { z } from './z';",
  'pkg/src/z.ts': 'export const z = 1;',
  // a cycle through a directory's index
  'pkg/src/m/index.ts': "export * from '../n';",
  'pkg/src/n.ts': "import { m } from './m';",
  // a cycle that leaves the package is not this rule's (other packages are not followed)
  'other/package.json': '{}',
  'other/src/p.ts': "import { q } from '../../pkg/src/q';",
  'pkg/src/q.ts': "import { p } from '../../other/src/p';",
  // on disk, f imports e but e nothing
  'pkg/src/e.ts': 'export const e = 1;',
  'pkg/src/f.ts': "import { e } from './e';",
  // comments and strings are not imports
  'pkg/src/s.ts': "// import { t } from './t';\nconst text = \"import { t } from './t'\";",
  'pkg/src/t.ts': "import { s } from './s';",
};
for (const [file, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const at = (file, code = files[file]) => ({ filename: path.join(root, file), code });
const cycle = (file, text, code = files[file]) => ({
  ...at(file, code),
  errors: [{ message: `no-cycle: import cycle ${text}` }],
});

ruleTester.run('tiaokuai/no-cycle', noCycle, {
  valid: [
    at('pkg/src/x.ts'),
    at('pkg/src/y.ts'),
    // b sorts after a: the cycle is reported once, on a
    at('pkg/src/b.ts'),
    at('pkg/src/tasks/findings.service.ts'),
    at('pkg/src/tasks/report.service.ts'),
    at('pkg/src/q.ts'),
    at('other/src/p.ts'),
    at('pkg/src/s.ts'),
    at('pkg/src/t.ts'),
    at('pkg/src/e.ts'),
    at('pkg/src/f.ts'),
    // the live text wins over the disk: a without its import of b closes nothing
    at('pkg/src/a.ts', 'export const a = 1;'),
  ],
  invalid: [
    cycle('pkg/src/a.ts', 'src/a.ts → src/b.ts → src/a.ts'),
    {
      ...at('pkg/src/context.ts'),
      errors: [
        { message: 'no-cycle: import cycle src/context.ts → src/tasks/findings.service.ts → src/context.ts' },
        {
          message:
            'no-cycle: import cycle src/context.ts → src/tasks/findings.service.ts → src/tasks/report.service.ts' +
            ' → src/context.ts',
        },
      ],
    },
    cycle('pkg/src/m/index.ts', 'src/m/index.ts → src/n.ts → src/m/index.ts'),
    // the live text wins over the disk: e importing f closes e → f → e
    cycle('pkg/src/e.ts', 'src/e.ts → src/f.ts → src/e.ts', "import { f } from './f';"),
    // a file importing itself
    cycle('pkg/src/y.ts', 'src/y.ts → src/y.ts', "export { z } from './z';\nexport * from './y';"),
    // dynamic and require imports count
    cycle('pkg/src/a.ts', 'src/a.ts → src/b.ts → src/a.ts', "const b = await import('./b');"),
    cycle('pkg/src/a.ts', 'src/a.ts → src/b.ts → src/a.ts', "import b = require('./b');"),
  ],
});
