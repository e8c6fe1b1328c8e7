/**
 * Wiring only: the request's context (request.ts) built from the process's caches, the
 * caller's identity and loaders that read through the stores.
 */
import DataLoader from 'dataloader';
import {
  inProcessBus,
  LiveHub,
  WalkStore,
  type Database,
  type Db,
  type EventBus,
  type Identity,
} from '@tiaokuai/platform';
import { groupBy as group, type Day } from '@tiaokuai/leadership';
import { evaluateBatch, unitsNamedBy, type PartyBuildingAnswer } from './domain/party-building';
import { Access } from './modules/access/access';
import { JurisdictionCache } from './modules/access/jurisdiction.cache';
import { AnomalyCache } from './modules/anomaly/anomaly.cache';
import { linksInto, linksOutOf } from './modules/link/link.store';
import { ancestorEdges } from './modules/organisation/organisation.store';
import { TimelineCache } from './modules/timeline/timeline.cache';
import { factsByUnitIds, unitsByCodes, unitsByIds } from './modules/unit/unit.store';
import type { Loaders, OrgContext } from './request';

/** Per-request DataLoaders over the stores: each batch of keys costs one SQL statement. */
export function createLoaders(db: Db): Loaders {
  const loaders: Loaders = {
    unitById: new DataLoader(async (ids) => {
      const rows = await unitsByIds(db, ids);
      const byId = new Map(rows.map((u) => [u.id, u]));
      for (const u of rows) loaders.unitByCode.prime(u.code, u);
      return ids.map((id) => byId.get(id) ?? null);
    }),
    unitByCode: new DataLoader(async (codes) => {
      const rows = await unitsByCodes(db, codes);
      const byCode = new Map(rows.map((u) => [u.code, u]));
      for (const u of rows) loaders.unitById.prime(u.id, u);
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    factsByUnit: new DataLoader(async (ids) => {
      const m = group(await factsByUnitIds(db, ids), (f) => f.unitId);
      return ids.map((id) => m.get(id) ?? []);
    }),
    linksInto: new DataLoader(async (ids) => {
      const m = group(await linksInto(db, ids), (l) => l.toId);
      return ids.map((id) => m.get(id) ?? []);
    }),
    linksOutOf: new DataLoader(async (ids) => {
      const m = group(await linksOutOf(db, ids), (l) => l.fromId);
      return ids.map((id) => m.get(id) ?? []);
    }),
    // The units asked for on one day in a constant number of statements: their units, facts and
    // incoming links, the units they name, and one recursive query for the edges above them (cycles).
    partyBuilding: new DataLoader(async (keys) => {
      const byDay = group([...keys], (k) => k.split('|')[1]);
      const answers = new Map<string, PartyBuildingAnswer>();
      for (const [day, dayKeys] of byDay) {
        const ids = dayKeys.map((k) => k.split('|')[0]);
        const [units, facts, incoming, edges] = await Promise.all([
          loaders.unitById.loadMany(ids),
          loaders.factsByUnit.loadMany(ids),
          loaders.linksInto.loadMany(ids),
          ancestorEdges(db, ids, day as Day),
        ]);
        const named = await loaders.unitById.loadMany([...unitsNamedBy(facts, incoming, edges), ...ids]);
        const result = evaluateBatch({ ids, units, facts, incoming, named }, edges, day as Day);
        for (const [id, answer] of result) answers.set(`${id}|${day}`, answer);
      }
      return keys.map((k) => answers.get(k) ?? new Error(`no unit ${k}`));
    }),
  };
  return loaders;
}

/**
 * What an org process keeps across requests, each part checked against the database's revision (platform's
 * revision-cache.ts).
 */
export interface OrgCaches {
  jurisdictions: JurisdictionCache;
  timelines: TimelineCache;
  anomalies: AnomalyCache;
  /** Not checked against the revision: a walk answers as of its first page (platform's walks.ts). */
  walks: WalkStore;
  /** Live subscriptions' shared watches and the event bus that wakes them (platform's live.ts, events.ts). */
  live: LiveHub;
}

/** The process's caches; `bus` wakes the live watches (default: this process's in-process bus). */
export const newOrgCaches = (bus?: EventBus): OrgCaches => ({
  jurisdictions: new JurisdictionCache(),
  timelines: new TimelineCache(),
  anomalies: new AnomalyCache(),
  walks: new WalkStore(),
  live: new LiveHub(bus ?? inProcessBus()),
});

export function createContext(database: Database, identity: Identity, caches: OrgCaches): OrgContext {
  return {
    database,
    db: database.db,
    loaders: createLoaders(database.db),
    identity,
    access: new Access(identity, database.db, caches.jurisdictions),
    timelines: caches.timelines,
    anomalies: caches.anomalies,
    walks: caches.walks,
    live: caches.live,
    renew: () => createContext(database, identity, caches),
  };
}
