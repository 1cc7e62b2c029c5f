// Name rows: the surnames a person can be asked by.
import { describe, expect, it } from 'vitest';
import { surnamesOf } from '../../src/store/rows.js';

describe('surnamesOf', () => {
  it.each([
    ['Maria Lindqvist', ['Lindqvist']],
    ['Pieter de Vries', ['Vries', 'de Vries']],
    ['Anna van der Berg', ['Berg', 'van der Berg']],
    ['Martin Luther King Jr.', ['King']],
    ['Madonna', []],
    ['  ', []],
  ])('%s -> %j', (name, surnames) => {
    expect(surnamesOf(name)).toEqual(surnames);
  });
});
