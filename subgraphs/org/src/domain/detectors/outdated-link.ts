import { nameOf, period } from '../labels';
import { DUAL_LEADERSHIP_FROM } from '../rules';
import { finding, type Finding } from '../types';
import { within } from '@tiaokuai/leadership';
import type { UnitDetector } from './detector';

/**
 * OUTDATED_LINK: a declared link that the world has moved past.
 * - A GUIDANCE link from a department party group to an organ party committee still in force
 *   on or after 2019-11-29: the 2019 regulation (arts. 2, 33–37) turned guidance into
 *   leadership (DOMAIN.md, "Organ level").
 * - A link still in force on `asOf` whose superior or subordinate no longer exists (dissolved in
 *   a reorganisation, 机构改革) or does not exist yet.
 */
export const detectOutdatedLink: UnitDetector = ({ ctx, asOf, declared, dir }) => {
  const out: Finding[] = [];
  const who = nameOf(dir, ctx.unit.id);
  for (const link of declared) {
    const from = dir.get(link.fromId);
    if (
      link.kind === 'GUIDANCE' &&
      ctx.unit.kind === 'ORGAN_PARTY_COMMITTEE' &&
      from?.kind === 'DEPARTMENT_PARTY_GROUP' &&
      asOf >= DUAL_LEADERSHIP_FROM
    ) {
      out.push(
        finding(
          'OUTDATED_LINK',
          ctx.unit.id,
          `${nameOf(dir, link.fromId)}对${who}的指导关系（${period(link.validFrom, link.validTo)}）在${DUAL_LEADERSHIP_FROM}后仍有效：` +
            `2019年条例已将其改为领导关系（具体领导和管理），应在${'2019-11-28'}终止该指导关系并登记领导关系。`,
          { relatedUnitIds: [link.fromId], linkIds: [link.id] },
        ),
      );
      continue;
    }
    const gone = [ctx.unit, from].filter((u) => u && !within(asOf, u.validFrom, u.validTo));
    if (gone.length > 0) {
      out.push(
        finding(
          'OUTDATED_LINK',
          ctx.unit.id,
          `截至${asOf}，${nameOf(dir, link.fromId)}→${who}的关系仍然有效，但${gone.map((u) => `${u!.name}（${u!.code}）不在存续期（${period(u!.validFrom, u!.validTo)}）`).join('，')}。`,
          { relatedUnitIds: [link.fromId], linkIds: [link.id] },
        ),
      );
    }
  }
  return out;
};
