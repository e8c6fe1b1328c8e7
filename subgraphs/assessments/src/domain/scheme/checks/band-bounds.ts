import { isNum } from '../read';
import type { Problem } from '../scheme';

/** A grade band's bounds lie on the 0–100 scale, its upper bound above its lower: [min, max) is never empty. */
export function bandBounds(min: unknown, max: unknown, at: string): Problem[] {
  const problems: Problem[] = [];
  const okMin = isNum(min) && min >= 0 && min <= 100;
  const okMax = isNum(max) && max >= 0 && max <= 100;
  if (!okMin) problems.push({ path: `${at}.min`, message: `下限应为 0–100 的数：${String(min)}` });
  if (!okMax) problems.push({ path: `${at}.max`, message: `上限应为 0–100 的数：${String(max)}` });
  if (okMin && okMax && (max as number) <= (min as number))
    problems.push({ path: `${at}.max`, message: `上限 ${max} 应大于下限 ${min}` });
  return problems;
}
