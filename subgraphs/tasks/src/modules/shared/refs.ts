/** How resolvers answer entities by id and what a DataLoader's loadMany found. */

/** An entity by id alone: a unit (org resolves the rest), or a task or assignment when nothing else is asked of it. */
export const ref = (id: string) => ({ id });
export const unitRef = ref;

/** What a loadMany found: unknown ids (null) and failures left out. */
export const found = async <T>(batch: Promise<Array<T | null | Error>>): Promise<T[]> =>
  (await batch).filter((x): x is T => x != null && !(x instanceof Error));
