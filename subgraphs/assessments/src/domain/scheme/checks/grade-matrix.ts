import type { Problem } from '../scheme';

/**
 * GRADE_MATRIX: a list of { party, business, grade } cells naming only the scheme's grades
 * (`grades`: those of its valid bands), each pair of a party grade and a business grade once and
 * every pair present, so the final grade of any two grades is looked up, never guessed.
 */
export function gradeMatrix(c: Record<string, unknown>, grades: ReadonlySet<string>): Problem[] {
  const cells = Array.isArray(c.matrix) ? (c.matrix as Array<Record<string, unknown>>) : null;
  if (!cells) return [{ path: 'combination.matrix', message: '应为 { party, business, grade } 的列表' }];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  cells.forEach((cell, i) => {
    for (const f of ['party', 'business', 'grade'] as const) {
      if (typeof cell?.[f] !== 'string' || !grades.has(cell[f] as string)) {
        problems.push({ path: `combination.matrix[${i}].${f}`, message: `未知的格次：${String(cell?.[f])}` });
      }
    }
    const pair = `${String(cell?.party)}|${String(cell?.business)}`;
    if (seen.has(pair))
      problems.push({
        path: `combination.matrix[${i}]`,
        message: `重复的组合：党建「${cell.party}」× 业务「${cell.business}」`,
      });
    seen.add(pair);
  });
  for (const p of grades)
    for (const b of grades) {
      if (!seen.has(`${p}|${b}`))
        problems.push({ path: 'combination.matrix', message: `缺少组合：党建「${p}」× 业务「${b}」` });
    }
  return problems;
}
