import { bigrams, normalise, similarity } from './similarity';

describe('normalise', () => {
  it.each([
    ['严格落实“三会一课”制度', '严格落实三会一课制度'],
    ['深入开展党史学习教育活动', '开展党史学习教育'],
    ['ＡＢＣ　党建', 'abc党建'],
    ['进一步加强作风建设工作', '加强作风建设'],
    ['组织召开专题组织生活会', '召开专题组织生活会'],
    ['加强基层组织建设', '加强基层组织建设'],
  ])('%s → %s', (input, expected) => expect(normalise(input)).toBe(expected));
});

describe('bigrams', () => {
  it('are two-character windows of the normalised text', () => {
    expect([...bigrams('党史学习')]).toEqual(['党史', '史学', '学习']);
    expect([...bigrams('党')]).toEqual(['党']);
    expect(bigrams('“”，。').size).toBe(0);
  });
});

describe('similarity: real-looking pairs of task titles', () => {
  it.each([
    // the same work, dressed differently
    ['开展党史学习教育', '深入开展党史学习教育活动', true],
    ['召开专题组织生活会', '组织召开专题组织生活会', true],
    ['落实三会一课制度', '严格落实“三会一课”制度', true],
    ['开展民主评议党员', '开展民主评议党员工作', true],
    ['书记抓党建述职评议', '党组织书记抓党建工作述职评议', true],
    ['开展主题教育读书班', '举办主题教育读书班', true],
    // different work that shares words
    ['开展党史学习教育', '开展党费收缴工作', false],
    ['开展主题党日活动', '开展廉政警示教育', false],
    ['召开组织生活会', '召开党员大会', false],
    ['加强基层组织建设', '加强基层作风建设', false],
    ['加强意识形态工作', '加强作风建设', false],
    ['党费收缴', '党员发展', false],
    ['', '开展党史学习教育', false],
  ] as const)('%s ~ %s: %s', (a, b, expected) => {
    expect(similarity(a, b).similar).toBe(expected);
    expect(similarity(b, a).similar).toBe(expected); // symmetric
  });

  it('reports the measures it decided on', () => {
    const s = similarity('开展党史学习教育', '深入开展党史学习教育活动');
    expect(s.containment).toBe(1);
    expect(s.dice).toBeCloseTo(1, 5); // framing words removed: the same bigrams
    const d = similarity('开展党史学习教育', '开展党费收缴工作');
    expect(d.dice).toBeLessThan(0.6);
    expect(d.containment).toBeLessThan(0.8);
  });
});
