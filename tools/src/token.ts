/**
 * npm run token -- --as CODE [--role VIEWER|EDITOR|ADMIN] [--sub NAME] [--ttl 12h]
 * npm run token -- --hub-admin
 * Prints a bearer token signed with the hub's development key (HUB_KEYS_DIR, default
 * <DATA_DIR>/keys, the same folder `npm start` uses), which a locally running hub accepts.
 * For development and the demo only: refused when NODE_ENV=production, where tokens come from
 * the identity provider.
 */
import { loadOrCreateDevKey, signDevToken } from '@tiaokuai/platform/devkey';
import { ROLES, type Role } from '@tiaokuai/platform/identity';
import path from 'node:path';

const USAGE =
  'usage: npm run token -- --as CODE [--role VIEWER|EDITOR|ADMIN] [--sub NAME] [--ttl 12h]\n       npm run token -- --hub-admin [--ttl 12h]';

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  if (process.env.NODE_ENV === 'production') {
    console.error(
      'npm run token signs with the local development key, which a production hub refuses; get a token from your identity provider.',
    );
    process.exit(2);
  }
  const hubAdmin = args.includes('--hub-admin');
  const body = arg(args, 'as');
  const role = (arg(args, 'role') ?? 'VIEWER').toUpperCase();
  if ((!hubAdmin && !body) || (hubAdmin && body) || !ROLES.includes(role as Role)) {
    console.error(USAGE);
    process.exit(2);
  }
  const dataDir = process.env.DATA_DIR ?? path.resolve(__dirname, '..', '..', 'data');
  const keysDir = process.env.HUB_KEYS_DIR ?? path.join(dataDir, 'keys');
  const key = await loadOrCreateDevKey(keysDir);
  const token = await signDevToken(key, {
    hubAdmin,
    body,
    role: role as Role,
    subject: arg(args, 'sub'),
    ttl: arg(args, 'ttl'),
  });
  process.stdout.write(token + '\n');
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
