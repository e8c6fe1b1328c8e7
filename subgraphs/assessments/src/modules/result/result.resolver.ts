import { PageArgsType } from '@tiaokuai/platform';
import { Args, FieldResolver, Resolver, Root } from 'type-graphql';
import { unitRef } from '../shared/unit-ref';
import { Scheme } from '../scheme/scheme.type';
import { Submission } from '../submission/submission.type';
import { Unit } from '../unit/unit.type';
import { outlierRowsPage, starRowsPage, type FlatAssessment, type OutlierRecord } from './result.service';
import {
  ResultRow,
  ScoreOutlier,
  ScoreOutlierConnection,
  ScoreOutliers,
  StarGrading,
  StarRow,
  StarRowConnection,
  UnitAssessment,
} from './result.type';

@Resolver(() => ScoreOutlier)
export class ScoreOutlierResolver {
  @FieldResolver(() => Unit, { description: '单位 (the unit)' }) unit(@Root() o: { unitId: string }) {
    return unitRef(o.unitId);
  }
}

@Resolver(() => ScoreOutliers)
export class ScoreOutliersResolver {
  @FieldResolver(() => ScoreOutlierConnection, {
    description:
      '异常得分行：分页，按单位编号再按指标 (the outliers, a page at a time, by unit id then measure: the list grows with the units graded)',
  })
  rows(@Root() o: ScoreOutliers, @Args(() => PageArgsType) page: PageArgsType): ScoreOutlierConnection {
    return outlierRowsPage(o.allRows as OutlierRecord[], page) as unknown as ScoreOutlierConnection;
  }
}

@Resolver(() => ResultRow)
export class ResultRowResolver {
  @FieldResolver(() => Unit, { description: '单位 (the unit)' }) unit(@Root() r: FlatAssessment) {
    return unitRef(r.unitId);
  }
  @FieldResolver(() => Submission, {
    description: '定等提交：计入结果的考核 (the grading submission that counts)',
    nullable: true,
  })
  grading(@Root() r: FlatAssessment) {
    return r.grading;
  }
}

@Resolver(() => StarGrading)
export class StarGradingResolver {
  @FieldResolver(() => StarRowConnection, {
    description:
      "定级行：The rows you may see, a page at a time: by rank, then unit id (ranks and quotas are the whole grading's)",
  })
  rows(@Root() g: StarGrading, @Args(() => PageArgsType) page: PageArgsType): StarRowConnection {
    return starRowsPage(g.allRows as Array<StarRow & { unitId: string }>, page);
  }
}

@Resolver(() => StarRow)
export class StarRowResolver {
  @FieldResolver(() => Unit, { description: '单位 (the unit)' }) unit(@Root() r: { unitId: string }) {
    return unitRef(r.unitId);
  }
}

@Resolver(() => UnitAssessment)
export class UnitAssessmentResolver {
  @FieldResolver(() => Scheme, { description: '考核方案 (the scheme)' }) scheme(@Root() a: FlatAssessment) {
    return a.scheme;
  }
  @FieldResolver(() => Unit, { description: '单位 (the unit)' }) unit(@Root() a: FlatAssessment) {
    return unitRef(a.unitId);
  }
  @FieldResolver(() => Submission, { nullable: true, description: "定等提交：The leader's grading" }) grading(
    @Root() a: FlatAssessment,
  ) {
    return a.grading;
  }
  @FieldResolver(() => [Submission], { description: "指导方意见：Guiding bodies' opinions" }) opinions(
    @Root() a: FlatAssessment,
  ) {
    return a.opinions;
  }
}
