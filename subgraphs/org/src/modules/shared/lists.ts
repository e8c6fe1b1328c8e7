/**
 * The cursor namespaces of org's lists (paging.ts of @tiaokuai/platform): a cursor of one list is
 * refused by every other.
 */
export const LIST = {
  units: 'units',
  sharedUnits: 'sharedUnits',
  anomalies: 'leadershipAnomalies',
  links: 'links',
  history: 'history',
} as const;
