/** A `Unit` as this subgraph returns it: a reference the gateway resolves in org. */
export const unitRef = (id: string): { id: string } => ({ id });
