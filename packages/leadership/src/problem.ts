/**
 * One thing wrong with an input, where it is: the shape every validation rule answers with
 * (org's interchange, tasks' task and list checks, assessments' schemes and imports). `path`
 * names the field as the client wrote it (`units[3].validFrom`, `indicators[0].weight`), so a
 * client can point at it; `message` is for people (Chinese).
 */
export interface Problem {
  path: string;
  message: string;
}
