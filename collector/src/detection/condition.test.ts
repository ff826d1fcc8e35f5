import { describe, expect, it } from 'vitest';
import { expandPattern, parseCondition } from './condition.js';
import { proc, refusal, rule } from './test-helpers.js';

const sels = {
  sel_a: { 'CommandLine|contains': 'alpha' },
  sel_b: { 'CommandLine|contains': 'beta' },
  filter_x: { 'CommandLine|contains': 'xray' },
  _hidden: { 'CommandLine|contains': 'hidden' },
};
const match = (condition: string, cmd: string) => rule({ ...sels, condition })(proc({ 'process.command_line': cmd }));

describe('conditions', () => {
  it('and / or / not', () => {
    expect(match('sel_a and sel_b', 'alpha beta')).toBe(true);
    expect(match('sel_a and sel_b', 'alpha')).toBe(false);
    expect(match('sel_a or sel_b', 'beta')).toBe(true);
    expect(match('sel_a or sel_b', 'gamma')).toBe(false);
    expect(match('sel_a and not filter_x', 'alpha')).toBe(true);
    expect(match('sel_a and not filter_x', 'alpha xray')).toBe(false);
    expect(match('not not sel_a', 'alpha')).toBe(true);
  });
  it('precedence: not > and > or, and parentheses', () => {
    expect(match('sel_a or sel_b and filter_x', 'alpha')).toBe(true);
    expect(match('(sel_a or sel_b) and filter_x', 'alpha')).toBe(false);
    expect(match('(sel_a or sel_b) and filter_x', 'alpha xray')).toBe(true);
    expect(match('not (sel_a or sel_b)', 'gamma')).toBe(true);
    expect(match('not (sel_a or sel_b)', 'beta')).toBe(false);
  });
  it('1 of / any of / all of a pattern', () => {
    expect(match('1 of sel_*', 'beta')).toBe(true);
    expect(match('1 of sel_*', 'xray')).toBe(false);
    expect(match('any of sel_*', 'alpha')).toBe(true);
    expect(match('all of sel_*', 'alpha beta')).toBe(true);
    expect(match('all of sel_*', 'alpha')).toBe(false);
    expect(match('2 of sel_* ', 'alpha beta')).toBe(true);
    expect(match('2 of sel_*', 'alpha xray')).toBe(false);
    expect(match('1 of sel_? ', 'alpha')).toBe(true);
  });
  it('1 of them / all of them (them skips _names)', () => {
    expect(match('1 of them', 'xray')).toBe(true);
    expect(match('1 of them', 'hidden')).toBe(false);
    expect(match('all of them', 'alpha beta xray')).toBe(true);
    expect(match('all of them', 'alpha beta')).toBe(false);
  });
  it('a list of conditions is OR', () => {
    expect(rule({ ...sels, condition: ['sel_a and sel_b', 'filter_x'] })(proc({ 'process.command_line': 'xray' }))).toBe(true);
  });
  it('parses to the expected tree', () => {
    expect(parseCondition('a and not (b or 1 of c*)')).toEqual({
      op: 'and', args: [{ op: 'ref', name: 'a' }, { op: 'not', arg: { op: 'or', args: [{ op: 'ref', name: 'b' }, { op: 'of', count: 1, pattern: 'c*' }] } }],
    });
    expect(expandPattern('them', ['a', '_b'])).toEqual(['a']);
  });
  it('refuses bad conditions with a reason', () => {
    expect(refusal({ ...sels, condition: 'sel_a and' })).toMatch(/^E_CONDITION: expected a selection/);
    expect(refusal({ ...sels, condition: '(sel_a' })).toMatch(/^E_CONDITION: expected '\)'/);
    expect(refusal({ ...sels, condition: 'nope' })).toMatch(/^E_CONDITION: .*'nope'/);
    expect(refusal({ ...sels, condition: '1 of zz*' })).toMatch(/^E_CONDITION: .*matches no selection/);
    expect(refusal({ ...sels, condition: 'sel_a | count() > 5' })).toMatch(/^E_CONDITION: aggregations/);
    expect(refusal({ ...sels, condition: 'sel_a sel_b' })).toMatch(/^E_CONDITION: unexpected extra input/);
  });
});
