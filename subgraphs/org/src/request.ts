/**
 * What a request carries (its context TYPE): the caller, its rights, the database, the
 * request's loaders and the process's caches. context.ts builds it; services read it. Nothing
 * here imports a service, so services and context.ts never import each other.
 */
import type DataLoader from 'dataloader';
import type { Database, Db, Identity, LiveHub, WalkStore } from '@tiaokuai/platform';
import type { PartyBuildingAnswer } from './domain/party-building';
import type { LinkRecord, UnitRecord } from './domain/types';
import type { Access } from './modules/access/access';
import type { AnomalyCache } from './modules/anomaly/anomaly.cache';
import type { TimelineCache } from './modules/timeline/timeline.cache';
import type { StoredFactVersion } from './modules/unit/unit.store';

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
  /** The caller's rights: role and jurisdiction (modules/access/access.ts). */
  access: Access;
  /** Whole-organisation timelines over a period, shared by the process's requests. */
  timelines: TimelineCache;
  /** Scopes' anomalies, shared by the process's requests while org's revision stands. */
  anomalies: AnomalyCache;
  /**
   * Walks of lists computed whole (sharedUnits): pages after the first without evaluating a snapshot (platform's
   * walks.ts).
   */
  walks: WalkStore;
  /** Live subscriptions' shared watches (platform's live.ts). */
  live: LiveHub;
  /** A fresh context for the same identity (a live watch recomputes with it: nothing cached from earlier). */
  renew(): OrgContext;
}
