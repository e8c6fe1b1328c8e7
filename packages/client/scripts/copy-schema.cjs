// npm pack / publish (prepack): the hub's public schema travels in the package, for teams' own codegen.
'use strict';
const { copyFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');
const pkg = path.join(__dirname, '..');
mkdirSync(path.join(pkg, 'schema'), { recursive: true });
copyFileSync(path.join(pkg, '..', '..', 'schema', 'public.graphql'), path.join(pkg, 'schema', 'public.graphql'));
