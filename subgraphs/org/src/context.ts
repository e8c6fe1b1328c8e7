import DataLoader from 'dataloader';
import { WalkStore, type Database, type Db, type Identity } from '@tiaokuai/platform';
import { groupBy as group, type Day } from '@tiaokuai/leadership';
import type { LinkRecord, UnitRecord } from './domain/types';
import { factsByUnitIds, linksInto, linksOutOf, unitsByCodes, unitsByIds, type StoredFactVersion } from './units/unit.store';
import type { PartyBuildingAnswer } from './units/party-building.service';
import { partyBuildingBatch } from './units/party-building.service';
import { Access, JurisdictionCache } from './access/jurisdiction';
import { AnomalyCache } from './units/anomaly-cache';
import { TimelineCache } from './units/relations.service';

/** Per-request DataLoaders: each batch of keys costs one SQL statement. */
export interface Loaders {
  unitById: DataLoader<string, UnitRecord | null>;
  unitByCode: DataLoader<string, UnitRecord | null>;
  factsByUnit: DataLoader<string, StoredFactVersion[]>;
  linksInto: DataLoader<string, LinkRecord[]>;
  linksOutOf: DataLoader<string, LinkRecord[]>;
  /** Keyed `id|asOf`. */
  partyBuilding: DataLoader<string, PartyBuildingAnswer>;
}

export interface OrgContext {
  database: Database;
  db: Db;
  loaders: Loaders;
  /** The caller, as verified by the gateway (see @tiaokuai/platform identity.ts). */
  identity: Identity;
  /** The caller's rights: role and jurisdiction (access/jurisdiction.ts). */
  access: Access;
  /** Whole-organisation timelines over a period, shared by the process's requests. */
  timelines: TimelineCache;
  /** Scopes' anomalies, shared by the process's requests while org's revision stands. */
  anomalies: AnomalyCache;
  /** Walks of lists computed whole (sharedUnits): pages after the first without evaluating a snapshot (platform's walks.ts). */
  walks: WalkStore;
}

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
    partyBuilding: new DataLoader(async (keys) => {
      const byDay = group([...keys], (k) => k.split('|')[1]);
      const answers = new Map<string, PartyBuildingAnswer>();
      for (const [day, dayKeys] of byDay) {
        const ids = dayKeys.map((k) => k.split('|')[0]);
        const result = await partyBuildingBatch(db, loaders, ids, day as Day);
        for (const [id, answer] of result) answers.set(`${id}|${day}`, answer);
      }
      return keys.map((k) => answers.get(k) ?? new Error(`no unit ${k}`));
    }),
  };
  return loaders;
}

/** What an org process keeps across requests, each part checked against the database's revision (platform's revision-cache.ts). */
export interface OrgCaches {
  jurisdictions: JurisdictionCache;
  timelines: TimelineCache;
  anomalies: AnomalyCache;
  /** Not checked against the revision: a walk answers as of its first page (platform's walks.ts). */
  walks: WalkStore;
}

export const newOrgCaches = (): OrgCaches => ({ jurisdictions: new JurisdictionCache(), timelines: new TimelineCache(), anomalies: new AnomalyCache(), walks: new WalkStore() });

export function createContext(database: Database, identity: Identity, caches: OrgCaches): OrgContext {
  return {
    database, db: database.db, loaders: createLoaders(database.db), identity,
    access: new Access(identity, database.db, caches.jurisdictions), timelines: caches.timelines, anomalies: caches.anomalies, walks: caches.walks,
  };
}
