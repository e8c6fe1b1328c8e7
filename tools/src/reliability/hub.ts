/**
 * The reliability run's own hub (RELIABILITY.md): a throw-away PostgreSQL database or a PGlite
 * folder on disk (a killed org must find its data again), the demo or, in the hostile run, the
 * synthetic province loaded first, and everything removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { loadDemoIfEmpty } from '../demo';
import { freePort, startHub, type HubOptions, type RunningHub } from '../launcher';
import { loadProvince, recordingProxy, type HostileOptions, type ProvinceLoad } from './hostile';

/** Where the hub under test keeps its data, and (hostile) the recording proxy in front of org. */
export interface HubPlace {
  /** The server on which the throw-away database was created (PostgreSQL runs). */
  adminDatabaseUrl?: string;
  databaseUrl?: string;
  dbName?: string;
  /** The PGlite folder (PGlite runs). */
  dataDir?: string;
  /** org's port, kept across restarts so that the proxy finds it again (hostile; else 0). */
  orgPort: number;
  proxy?: ReturnType<typeof recordingProxy>;
}

/** A throw-away database named after the run's tag, or a PGlite folder; and the hostile run's proxy. */
export async function prepareHubPlace(
  adminDatabaseUrl: string | undefined,
  tag: string,
  hostile: boolean,
): Promise<HubPlace> {
  let place: HubPlace;
  if (adminDatabaseUrl) {
    const dbName = `tk_rel_${process.pid}_${tag.toLowerCase()}`;
    const admin = postgres(adminDatabaseUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${dbName}`);
    await admin.end();
    const u = new URL(adminDatabaseUrl);
    u.pathname = `/${dbName}`;
    place = { adminDatabaseUrl, databaseUrl: u.toString(), dbName, orgPort: 0 };
  } else {
    place = { dataDir: mkdtempSync(path.join(os.tmpdir(), 'tk-rel-')), orgPort: 0 };
  }
  // Hostile: a recording proxy between the gateway and org captures the signed requests the
  // clients replay (org keeps its port across restarts, so the proxy finds it again).
  if (hostile) {
    place.orgPort = await freePort();
    place.proxy = recordingProxy(place.orgPort);
  }
  return place;
}

/**
 * Starts the hub under test with the demo loaded, or (hostile) on the province loaded first by a
 * hub of its own.
 */
export async function startHubUnderTest(
  place: HubPlace,
  hostile: HostileOptions | undefined,
  log: (line: string) => void,
): Promise<{ hub: RunningHub; province?: ProvinceLoad }> {
  const { dataDir, databaseUrl, proxy } = place;
  let hubOpts: HubOptions = { port: 0, dataDir: dataDir ?? 'memory://', databaseUrl, env: { LOG_LEVEL: 'error' } };
  if (hostile && proxy) {
    await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', () => r()));
    const proxyUrl = `http://127.0.0.1:${(proxy.server.address() as { port: number }).port}/graphql`;
    // As deployed: supervised, logging at info (every process's lines are scanned afterwards).
    hubOpts = {
      ...hubOpts,
      env: { LOG_LEVEL: 'info' },
      supervise: true,
      subgraphPorts: { org: place.orgPort },
      gatewayUpstreams: { org: proxyUrl },
    };
  }
  const province = hostile ? await loadProvinceFirst(place, hostile, log) : undefined;
  const hub = await startHub(hubOpts);
  try {
    if (!hostile) {
      const demo = await loadDemoIfEmpty(hub.gatewayUrl, hub.operatorToken);
      if (!demo.loaded) throw new Error('the fresh hub was not empty');
    }
  } catch (e) {
    await hub.stop().catch(() => undefined);
    throw e;
  }
  return { hub, province };
}

/**
 * The province is loaded by a hub of its own on the same database, whose gateway waits for long
 * imports (UPSTREAM_TIMEOUT_MS, as `npm run bench` does); the hub under test then starts on the
 * loaded database with every default.
 */
async function loadProvinceFirst(
  place: HubPlace,
  hostile: HostileOptions,
  log: (line: string) => void,
): Promise<ProvinceLoad> {
  const loader = await startHub({
    port: 0,
    dataDir: place.dataDir ?? 'memory://',
    databaseUrl: place.databaseUrl,
    env: { LOG_LEVEL: 'error', UPSTREAM_TIMEOUT_MS: '900000' },
  });
  try {
    const demo = await loadDemoIfEmpty(loader.gatewayUrl, loader.operatorToken);
    if (!demo.loaded) throw new Error('the fresh hub was not empty');
    return await loadProvince(loader, hostile, log);
  } finally {
    await loader.stop();
  }
}

/** Stops the hub and the proxy, drops the throw-away database or removes the PGlite folder. */
export async function removeHub(place: HubPlace, hub: RunningHub | undefined): Promise<void> {
  if (hub) await hub.stop().catch(() => undefined);
  place.proxy?.server.close();
  place.proxy?.server.closeAllConnections();
  if (place.dbName) {
    const admin = postgres(place.adminDatabaseUrl!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`drop database if exists ${place.dbName} with (force)`).catch(() => undefined);
    await admin.end();
  }
  if (place.dataDir) rmSync(place.dataDir, { recursive: true, force: true });
}
