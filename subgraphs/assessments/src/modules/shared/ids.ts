/** An id the tables could hold (int4): anything else names nothing, so it is simply unknown. */
export const isId = (id: string): boolean => /^\d{1,10}$/.test(id) && Number(id) > 0 && Number(id) <= 2_147_483_647;
