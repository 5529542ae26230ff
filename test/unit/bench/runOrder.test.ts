import { strict as assert } from 'node:assert';
import { runOrder } from '../../../bench/runOrder';

describe('runOrder', () => {
  const clients = ['a', 'b', 'c'];

  it('rotates the order every round, then rotates the reversed order, then starts again', () => {
    const rounds = Array.from({ length: 7 }, (_, round) => runOrder(clients, round).join(''));
    assert.deepEqual(rounds, ['abc', 'bca', 'cab', 'cba', 'bac', 'acb', 'abc']);
  });

  it('over a whole cycle, each client runs right after each other one equally often and in each position equally often', () => {
    const follows = new Map<string, number>();
    const positions = new Map<string, number>();
    for (let round = 0; round < 6; round++) {
      const order = runOrder(clients, round);
      order.forEach((client, i) => {
        positions.set(`${client}@${i}`, (positions.get(`${client}@${i}`) ?? 0) + 1);
        if (i > 0) follows.set(`${order[i - 1]}>${client}`, (follows.get(`${order[i - 1]}>${client}`) ?? 0) + 1);
      });
    }
    assert.equal(follows.size, 6);
    assert.deepEqual(new Set(follows.values()), new Set([2]));
    assert.equal(positions.size, 9);
    assert.deepEqual(new Set(positions.values()), new Set([2]));
  });

  it('counts rounds before zero (warm-up) in the same cycle and leaves the list given alone', () => {
    assert.deepEqual(runOrder(clients, -1), runOrder(clients, 5));
    assert.deepEqual(clients, ['a', 'b', 'c']);
    assert.deepEqual(runOrder([], 3), []);
  });
});
