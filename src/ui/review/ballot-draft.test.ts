import { describe, expect, it } from 'vitest';
import { FOUR_CRITERIA } from '../../core/scoring.setup';
import { draftProblem, draftTotal, normalise, stepScore } from './ballot-draft';

describe('a ballot as the reviewer types it', () => {
  it('adds up exactly as it goes, ignoring blanks', () => {
    expect(draftTotal({ scores: ['22.5', '', '20,5', '24'], comment: '' })).toBe('67');
    expect(draftTotal({ scores: ['0.1', '0.2', '', ''], comment: '' })).toBe('0.3');
  });

  it('understands a comma as the decimal point and drops leading zeros', () => {
    expect(normalise(' 08,5 ')).toBe('8.5');
  });

  it('points at the criterion that is blank, not a number, or out of range', () => {
    expect(draftProblem(FOUR_CRITERIA, { scores: ['20', '', '20', '20'], comment: '' })).toEqual({ index: 1, message: 'blank' });
    expect(draftProblem(FOUR_CRITERIA, { scores: ['20', '20', 'x', '20'], comment: '' })).toEqual({ index: 2, message: 'notNumber' });
    expect(draftProblem(FOUR_CRITERIA, { scores: ['20', '20', '20', '26'], comment: '' })).toEqual({ index: 3, message: 'range' });
    expect(draftProblem(FOUR_CRITERIA, { scores: ['20', '20.3', '20', '20'], comment: '' })).toEqual({ index: 1, message: 'range' });
    expect(draftProblem(FOUR_CRITERIA, { scores: ['20', '20.5', '20', '25'], comment: '' })).toBeNull();
  });

  it('steps by the rubric’s step within 0..max, always onto the step grid', () => {
    expect(stepScore('24.5', '0.5', '25', 1)).toBe('25');
    expect(stepScore('25', '0.5', '25', 1)).toBe('25');
    expect(stepScore('0', '1', '25', -1)).toBe('0');
    expect(stepScore('85.3', '0.5', '100', 1)).toBe('85.5');
    expect(stepScore('85.3', '0.5', '100', -1)).toBe('85');
    expect(stepScore('85,7', '1', '100', 1)).toBe('86');
    expect(stepScore('99.9', '0.5', '100', 1)).toBe('100');
  });

  it('an empty field starts at a sensible score on the grid, whichever button is tapped', () => {
    expect(stepScore('', '0.5', '100', 1)).toBe('80');
    expect(stepScore('', '0.5', '100', -1)).toBe('80');
    expect(stepScore('', '0.5', '25', 1)).toBe('20');
    expect(stepScore('', '1', '15', 1)).toBe('12');
    expect(stepScore('', '0.5', '7', 1)).toBe('5.5');
    expect(stepScore('abc', '1', '25', 1)).toBe('20');
  });
});
