/**
 * Chinese text similarity for duplicate tasks (DOMAIN.md "Tasks (任务)": 任务交叉重叠): two titles
 * name the same work when their character bigrams overlap enough.
 *
 * Why bigrams: Chinese has no spaces, and a word segmenter would be a large dependency with its
 * own dictionary; two-character windows capture most words (党史, 学习, 教育) and are what
 * pg_trgm-style measures do for CJK. Titles are first normalised: NFKC (full-width → half-width),
 * punctuation, quotes and spaces removed, and a few framing words that committees add without
 * changing the work (深入, 扎实, 认真, 切实, 进一步, 全面, 持续, 活动, 工作; 组织 before a verb such as 召开) dropped.
 *
 * Two measures, either one decides:
 * - Dice coefficient 2|A∩B| / (|A|+|B|) ≥ DICE_THRESHOLD (0.6): the two say mostly the same;
 * - containment |A∩B| / min(|A|,|B|) ≥ CONTAINMENT_THRESHOLD (0.8), when the shorter has at
 *   least MIN_BIGRAMS_FOR_CONTAINMENT (3) bigrams: one title is the other plus framing
 *   (「开展党史学习教育」 inside 「深入开展党史学习教育活动」).
 * The thresholds are tested on real-looking pairs in similarity.spec.ts.
 */

export const DICE_THRESHOLD = 0.6;
export const CONTAINMENT_THRESHOLD = 0.8;
export const MIN_BIGRAMS_FOR_CONTAINMENT = 3;

const FRAMING = ['进一步', '深入', '扎实', '认真', '切实', '全面', '持续', '活动', '工作'];
/** 组织 frames a verb (组织召开) but is content in 组织生活会, 组织建设: dropped only before a verb. */
const ORGANISE_VERB = /组织(?=召开|开展|实施|学习|举办|参加)/g;

/** NFKC, lower case, without punctuation, symbols, spaces and framing words. */
export function normalise(text: string): string {
  let s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '')
    .replace(ORGANISE_VERB, '');
  for (const w of FRAMING) s = s.split(w).join('');
  return s;
}

/** The set of two-character windows (a single character counts as its own window). */
export function bigrams(text: string): Set<string> {
  const chars = [...normalise(text)];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

export interface Similarity {
  dice: number;
  containment: number;
  similar: boolean;
}

/**
 * Bigram sets of the titles seen lately: a province's scan compares the same few hundred titles
 * hundreds of thousands of times (every overlapping pair of a unit's tasks of one category).
 * Emptied when full, so its size stays bounded whatever the titles.
 */
const recent = new Map<string, Set<string>>();
const RECENT_LIMIT = 10_000;

function bigramsOf(text: string): Set<string> {
  let set = recent.get(text);
  if (!set) {
    if (recent.size >= RECENT_LIMIT) recent.clear();
    set = bigrams(text);
    recent.set(text, set);
  }
  return set;
}

export function similarity(a: string, b: string): Similarity {
  const A = bigramsOf(a);
  const B = bigramsOf(b);
  if (A.size === 0 || B.size === 0) return { dice: 0, containment: 0, similar: false };
  let common = 0;
  for (const g of A) if (B.has(g)) common++;
  const dice = (2 * common) / (A.size + B.size);
  const shorter = Math.min(A.size, B.size);
  const containment = common / shorter;
  const similar =
    dice >= DICE_THRESHOLD || (shorter >= MIN_BIGRAMS_FOR_CONTAINMENT && containment >= CONTAINMENT_THRESHOLD);
  return { dice, containment, similar };
}
