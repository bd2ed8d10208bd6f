import { describe, expect, it } from 'vitest';
import { defaultScoring, namedIn, rubricPresets } from './scoring.setup';

describe('default names follow the language a meeting is made in', () => {
  it('names the default rubric and groups in English when asked, in Chinese otherwise (a stored meeting without a setup replays unchanged)', () => {
    expect(defaultScoring('en').groups.map((g) => g.name)).toEqual(['Leaders', 'Peer review', 'Service users']);
    expect(defaultScoring().groups.map((g) => g.name)).toEqual(['主要领导', '民主测评', '服务对象']);
    expect(defaultScoring().rubric.criteria[0]?.name).toBe('总分');
    expect(rubricPresets('en').four.criteria.map((c) => c.id)).toEqual(rubricPresets('zh-CN').four.criteria.map((c) => c.id));
  });

  it('renames only what is still a default name; a name the host chose stays', () => {
    const zh = defaultScoring();
    const chosen = { ...zh, rubric: rubricPresets('zh-CN').four, groups: zh.groups.map((g) => (g.id === 'peers' ? { ...g, name: '同行' } : g)) };
    const en = namedIn(chosen, 'en');
    expect(en.groups.map((g) => g.name)).toEqual(['Leaders', '同行', 'Service users']);
    expect(en.rubric.criteria.map((c) => c.name)).toEqual(rubricPresets('en').four.criteria.map((c) => c.name));
    expect(namedIn(en, 'zh-CN').groups.map((g) => g.name)).toEqual(['主要领导', '同行', '服务对象']);
    // Weights, ids and rules are untouched.
    expect({ ...en, rubric: chosen.rubric, groups: chosen.groups }).toEqual(chosen);
  });
});
