import { describe, expect, it } from 'vitest';
import { RestartBudget } from './restart-budget';

describe('restarting a host that died', () => {
  it('waits longer after each death, and gives up at the fifth within a minute', () => {
    const budget = new RestartBudget();
    expect([0, 1_000, 3_000, 8_000].map((t) => budget.died(t))).toEqual([{ restartInMs: 500 }, { restartInMs: 1_000 }, { restartInMs: 2_000 }, { restartInMs: 4_000 }]);
    expect(budget.died(20_000)).toEqual({ giveUp: 'the host stopped 5 times within 60 s' });
  });

  it('forgets deaths older than a minute: a host that dies now and then is always started again', () => {
    const budget = new RestartBudget();
    for (let i = 0; i < 10; i++) expect(budget.died(i * 30_000)).toHaveProperty('restartInMs');
  });
});
