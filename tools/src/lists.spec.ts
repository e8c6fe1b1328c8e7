/**
 * One paging style (docs/api.md "Lists come in pages"), held on the published supergraph: every connection pages
 * both ways and counts its list; every other list is bounded, and this table says by what. A new list field fails
 * here until it is made a connection or given a row below with its bound.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  parse,
  type GraphQLObjectType,
} from 'graphql';

const schema = buildASTSchema(parse(readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8')), {
  assumeValidSDL: true,
});

/** Lists that stay plain lists, and what bounds each. */
const BOUNDED: Record<string, string> = {
  'Anomaly.related': 'the finding',
  'Anomaly.links': 'the finding',
  'AnomalySummary.byCode': 'the AnomalyCode enum',
  'AssessmentFinding.bodies': 'the finding',
  'AssessmentFinding.submissions': 'the finding',
  'AssessmentFinding.inspections': 'the finding',
  'AssessmentFindingSummary.byKind': 'the AssessmentFindingKind enum',
  'Assignment.settlements': 'one assignment: a merge or a withdrawal ends it',
  'Combination.matrix': "the scheme's grade bands",
  'HistoryEvent.changed': "a unit's fact fields",
  'HistoryEventSummary.byKind': 'the HistoryEventKind enum',
  'ImportReport.problems': 'the document sent',
  'ImportJob.problems': 'the document sent',
  'Query.nodes': 'the ids asked: at most 100 (MAX_NODE_IDS)',
  // Not bounded by a number: a large import can settle many findings at once (noted in docs/live-updates.md).
  'TaskFindingsChange.appeared': 'what one write made appear in the scope',
  'TaskFindingsChange.settled': 'what one write settled in the scope',
  'AnomaliesChange.appeared': 'what one write made appear in the scope',
  'AnomaliesChange.settled': 'what one write settled in the scope',
  'AssignmentsIssued.issued': 'what one write issued to the unit',
  'ImportReport.changedCodes': 'the document sent',
  'Inspection.indicators': 'the inspection as scheduled',
  'JointInspection.bodies': 'the inspections merged',
  'JointInspection.indicators': 'the inspections merged',
  'JointProposal.indicators': 'the inspections merged',
  'LeadershipPeriod.leaderIds': "a unit's leaders",
  'LeadershipPeriod.guideIds': "a unit's guides",
  'LeadershipPeriod.leaderFlavours': "a unit's leaders",
  'LeadershipPeriod.leaders': "a unit's leaders",
  'LeadershipPeriod.guides': "a unit's guides",
  'LeadershipTimeline.periods': 'one unit over a period of at most 3×366 days',
  'LinkSummary.byKind': 'the LinkKind enum',
  'MergedIndicator.bodies': 'the inspections merged',
  'Mutation.scheduleInspection': 'the units in the input',
  'PartyBuilding.leaders': "a unit's leaders on a day",
  'PartyBuilding.guides': "a unit's guides on a day",
  'PartyBuilding.roles': "a unit's leaders and guides on a day",
  'PartyBuilding.declared': 'the links into one unit on a day',
  'PartyBuilding.anomalies': "one unit's anomalies on a day",
  'Query.unitsByCode': 'the codes in the input',
  'Query.visibleUnitIds': 'service to service: one jurisdiction, read whole',
  'Query.leadershipTimeline': 'service to service: read whole (its compact twin: leadershipTimelineTable)',
  'Query.assignmentActivity': 'the pairs in the input',
  'RequiredItem.kinds': 'the UnitKind enum',
  'ResponsibilityListEntry.missing': "the item's periods in a year",
  'ResponsibilityListEntry.assignments': "the item's periods in a year",
  'ResultRow.opinions': "the unit's guides",
  'Scheme.indicators': 'the scheme as defined (never rewritten)',
  'Scheme.evaluatorGroups': 'the scheme as defined',
  'Scheme.gradeBands': 'the scheme as defined',
  'Submission.scores': "the scheme's indicators",
  'Submission.ratings': "the scheme's evaluator groups",
  'Task.incompatibleWith': 'the task as issued',
  'TaskConflict.tasks': 'the finding',
  'TaskConflict.assignments': 'the finding',
  'TaskConflict.issuers': 'the finding',
  'TaskConflict.items': 'the finding: two items',
  'TaskConflictSummary.byKind': 'the TaskConflictKind enum',
  'Unit.assessments': 'one unit, one year: the schemes assessing it',
  'Unit.inspections': 'one unit, one year',
  'Unit.factVersions': "one unit's fact changes",
  'Unit.calendar': "one unit, one year: its tasks and items' periods",
  'UnitAssessment.opinions': "the unit's guides",
  'WorkReport.targets': "one unit, one year: its tasks' indicators",
  'WorkReport.results': "one unit, one year: its tasks' indicators",
};

const objects = Object.values(schema.getTypeMap()).filter(
  (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'),
);
const fields = objects.flatMap((t) => Object.values(t.getFields()).map((f) => ({ name: `${t.name}.${f.name}`, f })));
const connections = fields.filter(({ f }) => getNamedType(f.type).name.endsWith('Connection'));
const lists = fields.filter(
  ({ name, f }) => isListType(getNullableType(f.type)) && !/^\w+Connection\./.test(name) && !/^\w+Edge\./.test(name),
);

describe('one paging style', () => {
  it('finds the connections', () => expect(connections.length).toBeGreaterThan(20));

  it.each(connections.map(({ name, f }) => [name, f] as const))('%s pages both ways and counts', (_name, f) => {
    expect(f.args.map((a) => a.name)).toEqual(expect.arrayContaining(['first', 'after', 'last', 'before']));
    expect(String(f.type)).toMatch(/Connection!$/);
    const c = getNamedType(f.type) as GraphQLObjectType;
    expect(Object.keys(c.getFields())).toEqual(expect.arrayContaining(['edges', 'nodes', 'pageInfo', 'totalCount']));
    expect(String(c.getFields().totalCount.type)).toBe('Int!');
  });

  it('PageInfo answers both ways', () => {
    const pi = schema.getType('PageInfo') as GraphQLObjectType;
    expect(Object.fromEntries(Object.values(pi.getFields()).map((f) => [f.name, String(f.type)]))).toEqual({
      hasNextPage: 'Boolean!',
      hasPreviousPage: 'Boolean!',
      startCursor: 'String',
      endCursor: 'String',
    });
  });

  it('every other list is bounded, and says by what (a new list: a connection, or a row in BOUNDED)', () => {
    expect(lists.map((l) => l.name).sort()).toEqual(Object.keys(BOUNDED).sort());
  });
});
