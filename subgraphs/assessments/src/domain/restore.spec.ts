import { judgeRole, type Relation, type RoleVerdict, type SubmissionRole } from './restore';

describe("judgeRole: an imported submission's role, recorded or by today's rules", () => {
  it.each<[string, SubmissionRole | null, Relation, boolean, RoleVerdict]>([
    ['a new record from the leader grades', null, 'LEADS', false, { role: 'GRADING', restored: false }],
    ['a new record from a guide is an opinion', null, 'GUIDES', false, { role: 'OPINION', restored: false }],
    ['a new record from anyone else is refused', null, 'NONE', true, { refused: 'NOT_ASSESSABLE' }],
    ["a recorded grading today's rules agree with", 'GRADING', 'LEADS', false, { role: 'GRADING', restored: false }],
    ["a recorded opinion today's rules agree with", 'OPINION', 'GUIDES', false, { role: 'OPINION', restored: false }],
    [
      'a recorded grading after a late transfer, restored',
      'GRADING',
      'NONE',
      true,
      { role: 'GRADING', restored: true },
    ],
    [
      "a recorded grading from today's guide, restored as a grading",
      'GRADING',
      'GUIDES',
      true,
      { role: 'GRADING', restored: true },
    ],
    [
      "a recorded opinion from today's leader, restored as an opinion",
      'OPINION',
      'LEADS',
      true,
      { role: 'OPINION', restored: true },
    ],
    [
      'a recorded grading after a late transfer, by a caller who may not restore',
      'GRADING',
      'NONE',
      false,
      { refused: 'NOT_ASSESSABLE' },
    ],
    [
      "a recorded opinion from today's leader, by a caller who may not restore",
      'OPINION',
      'LEADS',
      false,
      { refused: 'NOT_ENTITLED' },
    ],
  ])('%s', (_, recorded, relation, may, expected) => {
    expect(judgeRole(recorded, relation, may)).toEqual(expected);
  });
});
