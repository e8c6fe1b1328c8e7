// After tsc: dist/esm holds ES modules, so it gets a package.json saying so (the package itself is CommonJS).
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const dir = path.join(__dirname, '..', 'dist', 'esm');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
