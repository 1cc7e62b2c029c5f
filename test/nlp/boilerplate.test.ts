// The paragraph-level boilerplate filter: what is not article text, and what is.
import { describe, expect, it } from 'vitest';
import { articleParagraphs, boilerplateReason, looksLikeHeadline } from '../../src/nlp/boilerplate.js';

describe('boilerplateReason', () => {
  it.each([
    ['date 2024-05-01', 'date line'],
    ['Scroll down for video', 'call to action'],
    ['WARNING: GRAPHIC CONTENT', 'call to action'],
    ['READ MORE: Council approves harbour plan', 'call to action'],
    ['"Follow Ana Ortiz on Twitter @anaortiz."', 'call to action'],
    ['By Jane Smith, CNN', 'byline'],
    ['By . Jane Smith . PUBLISHED: 10:01 EST, 2 May 2014 . | . UPDATED: 11:30 EST, 2 May 2014 .', 'page header'],
    ['The harbour wall after the storm (Photo: Getty Images)', 'photo credit'],
    ['Council leader quits over budget row', 'headline'],
  ])('%s -> %s', (text, reason) => {
    expect(boilerplateReason(text)).toBe(reason);
  });

  it.each([
    'The city council approved a plan on Tuesday to rebuild the old harbour wall.',
    'By the end of the week, forty homes near the quay had been flooded.',
    '"We will rebuild it," the mayor said.',
  ])('keeps article text: %s', (text) => {
    expect(boilerplateReason(text)).toBeNull();
  });
});

describe('looksLikeHeadline', () => {
  it.each([
    ['Council leader quits over budget row', true],
    ['The council met on Tuesday.', false],
    ['Two words', false],
    ["``We will not back down on the budget,'' the mayor said''", false],
    ["``We will win this fight in the end''", false],
  ])('%s -> %s', (text, expected) => {
    expect(looksLikeHeadline(text)).toBe(expected);
  });
});

describe('articleParagraphs', () => {
  it('drops boilerplate paragraphs and renumbers the rest from 1', () => {
    const paragraphs = [
      'Scroll down for video',
      'The council approved the plan.',
      'READ MORE: Other news',
      'Work starts in June.',
    ].map((text, i) => ({ index: i + 1, start: 0, end: text.length, text }));
    expect(articleParagraphs(paragraphs).map((p) => [p.index, p.text])).toEqual([
      [1, 'The council approved the plan.'],
      [2, 'Work starts in June.'],
    ]);
  });

  it('keeps headline-like lines when they are all the text there is', () => {
    const paragraphs = ['Council approves harbour plan', 'Scroll down for video'].map((text, i) => ({
      index: i + 1,
      start: 0,
      end: text.length,
      text,
    }));
    expect(articleParagraphs(paragraphs).map((p) => [p.index, p.text])).toEqual([[1, 'Council approves harbour plan']]);
  });
});
