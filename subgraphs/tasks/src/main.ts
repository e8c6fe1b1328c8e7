// Only the boot module first (it imports nothing of the hub's): the service's code is loaded by
// it, from the build's bundle with V8's code cache when there is one (platform's boot.ts).
import { runService } from '@tiaokuai/platform/boot';

// eslint-disable-next-line @typescript-eslint/no-require-imports
runService(__dirname, 'serve', () => require('./serve'));
