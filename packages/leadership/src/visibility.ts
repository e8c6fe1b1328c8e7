/**
 * Which units a caller may see: every unit (the hub's operator, a committee at the top), or
 * these ids (its jurisdiction, ARCHITECTURE.md "Security"). Org computes it; the other
 * subgraphs receive it from org and filter by it.
 */
export type Visibility = { all: true } | { all: false; ids: ReadonlySet<string> };
