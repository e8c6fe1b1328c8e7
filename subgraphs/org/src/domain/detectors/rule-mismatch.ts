import { nameOf } from '../labels';
import { finding, type Finding } from '../types';
import { DUAL_LEADERSHIP_FROM } from '../rules';
import type { UnitDetector } from './detector';

const FLAVOUR_LABEL = { UNIFIED: '统一领导', SPECIFIC: '具体领导和管理' } as const;

/**
 * RULE_MISMATCH (谁领导谁指导 unclear): a declared LEADERSHIP link from a body the rules do not
 * make a leader (or with the wrong flavour), or a declared GUIDANCE link from a body the rules
 * make a leader. Extra GUIDANCE links are allowed ("any number of guides"). Not judged where the
 * rules cannot answer (missing facts, undefined rule): there the declared links stand.
 * The party group's pre-2019 GUIDANCE of its organ party committee is OUTDATED_LINK instead.
 */
export const detectRuleMismatch: UnitDetector = ({ ctx, asOf, exists, outcome, declared, dir }) => {
  if (!exists || outcome.undefinedRule || outcome.missingFacts.length > 0) return [];
  const out: Finding[] = [];
  const who = nameOf(dir, ctx.unit.id);
  const leader = new Map(outcome.leaders.map((r) => [r.unitId, r]));
  const guide = new Set(outcome.guides.map((r) => r.unitId));
  for (const link of declared) {
    const from = nameOf(dir, link.fromId);
    if (link.kind === 'LEADERSHIP') {
      const role = leader.get(link.fromId);
      if (!role) {
        const why = guide.has(link.fromId) ? '按规则它只应指导' : '按规则它与本单位没有领导关系';
        out.push(
          finding(
            'RULE_MISMATCH',
            ctx.unit.id,
            `截至${asOf}，登记了${from}对${who}的领导关系，但${why}（规则${outcome.rule}）。`,
            { relatedUnitIds: [link.fromId], linkIds: [link.id] },
          ),
        );
      } else if (role.flavour && link.flavour && role.flavour !== link.flavour) {
        out.push(
          finding(
            'RULE_MISMATCH',
            ctx.unit.id,
            `截至${asOf}，${from}对${who}登记为“${FLAVOUR_LABEL[link.flavour]}”，按规则应为“${FLAVOUR_LABEL[role.flavour]}”。`,
            { relatedUnitIds: [link.fromId], linkIds: [link.id] },
          ),
        );
      }
    } else if (link.kind === 'GUIDANCE' && leader.has(link.fromId)) {
      const outdated =
        ctx.unit.kind === 'ORGAN_PARTY_COMMITTEE' &&
        asOf >= DUAL_LEADERSHIP_FROM &&
        leader.get(link.fromId)!.basis === 'COMPETENT_DEPARTMENT';
      if (outdated) continue;
      out.push(
        finding(
          'RULE_MISMATCH',
          ctx.unit.id,
          `截至${asOf}，${from}对${who}登记为指导关系，但按规则它应当领导（规则${outcome.rule}）。`,
          { relatedUnitIds: [link.fromId], linkIds: [link.id] },
        ),
      );
    }
  }
  return out;
};
