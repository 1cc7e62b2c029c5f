// Sentence compression for summaries, rule by rule, on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import {
  applyCuts,
  COMPRESSION_RULES,
  type CompressionRule,
  compressible,
  compressSentence,
  quotation,
} from '../../src/nlp/summary-compress.js';

const only = (rule: CompressionRule) => new Set<CompressionRule>([rule]);
const all = new Set<CompressionRule>(COMPRESSION_RULES);

/** Every word of `short` appears in `long`, in order: the compressed line is pieces of the sentence. */
function isPiecesOf(short: string, long: string): boolean {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const l = words(long);
  let i = 0;
  for (const w of words(short)) {
    while (i < l.length && l[i] !== w) i++;
    if (i === l.length) return false;
    i++;
  }
  return true;
}

type Row = [string, string];

const FIRES: Record<CompressionRule, Row[]> = {
  parenthetical: [
    ['The Harbour Trust (HT) approved the plan on Monday.', 'The Harbour Trust approved the plan on Monday.'],
    ['The ferry fare rises to 12 euros (about 10 pounds) next month.', 'The ferry fare rises to 12 euros next month.'],
  ],
  'dash-aside': [
    [
      'The old pier -- closed since the storms of last winter -- will reopen in May.',
      'The old pier will reopen in May.',
    ],
    ['The mayor \u2014 a former fisherman \u2014 opened the new quay.', 'The mayor opened the new quay.'],
  ],
  age: [
    ['Tom Baxter, 41, opened the bakery in March.', 'Tom Baxter opened the bakery in March.'],
    ['Ellen Marsh, aged 72, was found safe on Sunday.', 'Ellen Marsh was found safe on Sunday.'],
  ],
  residence: [
    ['Jo Pike, of Tarnby, won the regatta for a third time.', 'Jo Pike won the regatta for a third time.'],
    ['Sam Orwell, 29, from Kelby, North Dale, was named captain.', 'Sam Orwell, 29, was named captain.'],
  ],
  appositive: [
    ['Maria Lind, the harbour master, closed the port to small boats.', 'Maria Lind closed the port to small boats.'],
    ['Petra Holm, a retired teacher from Vass, has written six novels.', 'Petra Holm has written six novels.'],
  ],
  relative: [
    ['The lighthouse, which was built in 1870, will become a museum.', 'The lighthouse will become a museum.'],
    ['The award went to Ida Berg, who has coached the rowing club for a decade.', 'The award went to Ida Berg.'],
  ],
  'lead-adverbial': [
    ['On Tuesday, the council voted to close the library.', 'The council voted to close the library.'],
    ['Last week, divers found a second wreck off the cape.', 'Divers found a second wreck off the cape.'],
  ],
  tail: [
    [
      'The council approved the new sea wall on Tuesday, ending a long planning process.',
      'The council approved the new sea wall on Tuesday.',
    ],
    [
      'Traffic on the coast road was diverted for six hours, after a lorry shed its load.',
      'Traffic on the coast road was diverted for six hours.',
    ],
  ],
  'dash-tail': [
    [
      'The club signed the striker for two million pounds - a record fee for the league.',
      'The club signed the striker for two million pounds.',
    ],
  ],
  attribution: [
    ['The coast road will reopen on Friday, police said.', 'The coast road will reopen on Friday.'],
    [
      'Two fishing boats sank in the harbour overnight, the coastguard said on Sunday.',
      'Two fishing boats sank in the harbour overnight.',
    ],
    [
      'The ferry carried 40 passengers when it ran aground, Ola Fenn told the Tarnby Post.',
      'The ferry carried 40 passengers when it ran aground.',
    ],
    ['The new quay cost 12 million pounds, the council reports.', 'The new quay cost 12 million pounds.'],
    [
      'Nobody was hurt in the fire at the boatyard, said Mia Sand, a spokeswoman for the fire service.',
      'Nobody was hurt in the fire at the boatyard.',
    ],
    ['The old pier, officials said, will be pulled down in spring.', 'The old pier will be pulled down in spring.'],
    ['The pier will be pulled down in the spring, his attorney said.', 'The pier will be pulled down in the spring.'],
    ["Fewer boats used the harbour this winter, yesterday's report said.", 'Fewer boats used the harbour this winter.'],
  ],
  examples: [
    [
      'The band has played with local singers including Ana Velez, Ola Fenn and Mia Sand.',
      'The band has played with local singers.',
    ],
    [
      'The storm damaged buildings on the seafront such as the pier and the lifeboat station.',
      'The storm damaged buildings on the seafront.',
    ],
    [
      'The harbour trust sells fresh fish to restaurants, such as the Anchor and the Gull.',
      'The harbour trust sells fresh fish to restaurants.',
    ],
  ],
};

/** Sentences a rule must leave alone: negations, quotations, speakers, restrictive clauses, hedges. */
const HOLDS: Record<CompressionRule, string[]> = {
  parenthetical: [
    'The ferry will run on Sundays (but not in winter).',
    "The mayor said the plan was 'the best we have (for now)'.",
    'The suspect (allegedly a former guard) was arrested.',
    'Bring your friend(s) to the open day on Friday.',
  ],
  'dash-aside': [
    'The ferry will run - but only if the weather is calm - on Sunday.',
    'The pier - not the harbour wall - was damaged in the storm.',
    // A relative clause between dashes tells something new about its head.
    'The harbour trust - which has lost two boats this year - bought a lifeboat.',
    'The two ferries - one of which sank in March - were built in Tarnby.',
    // A run of dashes is a table row, not an aside.
    'Ola Fenn (Tarnby) Kelby - Vass 1:38.158 - - - - 11.',
  ],
  age: ['The numbers 4, 8, 15 were drawn on Saturday.', 'Scores of 41, 38 and 35 were enough to qualify.'],
  residence: ['The Duke of Kelby opened the new bridge.'],
  appositive: [
    // The name is the speaker's: it never goes, only a description after it.
    "The club's captain, Jon Rask, said: 'We deserved it.'",
    // A clause after a fronted phrase is not an apposition.
    'In Tarnby, the police arrested two men, charged them and let them go.',
    'Yesterday, the team won, and the fans celebrated.',
  ],
  relative: [
    // A restrictive clause has no commas and is never cut.
    'The man who stole the boat was arrested on Friday.',
    'Ola Fenn, who did not attend, was fined by the club.',
    'The ruling, which was later overturned, cost the firm millions.',
    "Ola Fenn, who told reporters 'we are ready', was named coach.",
    // A participle after the clause may be what the main verb is about: the clause stays.
    'The inquiry follows ferry captain Ola Fenn, who runs the night crossing, being questioned by police.',
  ],
  'lead-adverbial': [
    'In theory, the new wall will stop any flood.',
    'At least, that is what the council hopes.',
    'According to the police, the driver was drunk.',
    'If it rains, the match will be moved indoors.',
    'This season, like the last one, has been a disappointment.',
  ],
  tail: [
    // A tail after a negated clause may be what the negation is about.
    'The council did not approve the wall, after months of debate.',
    // Attribution stays with what it attributes.
    'The driver had been drinking, according to the police.',
    // Conditions limit the claim.
    'The striker will play on Saturday, assuming he passes a fitness test.',
    // Speech: the cue that names the speaker stays with the quote.
    "'We will rebuild,' the mayor said, speaking at the harbour.",
    // A later piece carries on the main clause: not a tail.
    'The ferry, leaving at dawn, reached the island by noon.',
  ],
  'dash-tail': [
    'The striker will play on Saturday - but only if he is fit.',
    'The club will appeal - unless the league drops the ban.',
  ],
  attribution: [
    // In a sentence with a quote, the attribution says whose words they are.
    "'The road will reopen on Friday,' police said.",
    "The road is 'safe again', police said.",
    // A source that doubts or disputes what it reports stays: without it the report reads as fact.
    'The fire was started on purpose, the owner claimed.',
    'The fire was started on purpose, police said without giving details.',
    // What follows the verb is content, not where or when it was said.
    'The road will stay closed, police said, adding that the bridge is unsafe.',
    'The road will stay closed, police said that night.',
    'The harbour will close, the mayor told reporters that morning.',
    // A question keeps its source.
    'Will the road reopen on Friday, the drivers asked.',
    // Too little would be left.
    'It rained, police said.',
    // What follows the verb is what she said, not who she is.
    'The harbour master, Ana Velez, said she wants the pier closed.',
    // A name run into a closing attribution without its comma would be left dangling.
    'Nobody was hurt in the fire, Mia Sand, the fire chief told the Tarnby Post.',
  ],
  examples: [
    // After a negation the examples are what it is about.
    'The ferry did not call at ports such as Tarnby and Kelby this winter.',
    // What follows the list belongs to the verb, not to the list.
    'The club has beaten big names such as Tarnby and Kelby in the cup.',
    'The club has beaten big names such as Tarnby to reach the final.',
    // A clause is more than a list.
    'The council listed the costs, including what the new wall will cost.',
    'The storm caused damage to the pier and the quay - including broken railings.',
    // Too little would be left.
    'Fans cheered players including Ola Fenn.',
  ],
};

describe('compression rules', () => {
  for (const rule of COMPRESSION_RULES) {
    describe(rule, () => {
      it.each(FIRES[rule])('cuts %j', (sentence, expected) => {
        const out = compressSentence(sentence, only(rule));
        expect(out).toBe(expected);
        expect(isPiecesOf(out, sentence)).toBe(true);
      });
      it.each(HOLDS[rule].map((s) => [s]))('leaves %j alone', (sentence) => {
        expect(compressSentence(sentence, only(rule))).toBe(sentence);
      });
    });
  }
});

describe('compressSentence', () => {
  it('cuts nothing without rules', () => {
    expect(compressSentence('Tom Baxter, 41, opened the bakery in March.', new Set())).toBe(
      'Tom Baxter, 41, opened the bakery in March.',
    );
  });

  it('cuts a chain of asides after a name and the comma that closed it', () => {
    expect(compressSentence('Ana Velez, 34, of Rimdale, a nurse at the county hospital, has won the prize.', all)).toBe(
      'Ana Velez has won the prize.',
    );
  });

  it('keeps the closing comma when an aside in the chain stays', () => {
    const rules = new Set<CompressionRule>(['age']);
    expect(compressSentence('Ana Velez, 34, a nurse at the county hospital, has won the prize.', rules)).toBe(
      'Ana Velez, a nurse at the county hospital, has won the prize.',
    );
  });

  it('never cuts a sentence inside a quotation opened in an earlier sentence', () => {
    const sentence = 'The harbour wall, which is old, will be rebuilt.';
    expect(compressSentence(sentence, all, true)).toBe(sentence);
  });

  it('never cuts first-person speech whose quotation marks are elsewhere', () => {
    const sentence = 'We rebuilt the harbour wall, after the storms of last winter, with our own hands.';
    expect(compressible(sentence, false)).toBe(false);
    expect(compressSentence(sentence, all)).toBe(sentence);
  });

  it('leaves the words of a quotation exactly as they were said', () => {
    const sentence = "'The wall (the old one) is finished,' said Mia Sand, the engineer, after the vote.";
    const out = compressSentence(sentence, all);
    expect(out.startsWith("'The wall (the old one) is finished,' said Mia Sand")).toBe(true);
  });

  it('asks the caller which units are worth cutting', () => {
    const sentence = 'Maria Lind, the harbour master, closed the port to small boats.';
    expect(compressSentence(sentence, all, false, () => false)).toBe(sentence);
    expect(compressSentence(sentence, all, false, (cut) => !cut.includes('harbour'))).toBe(sentence);
  });
});

describe('quotation', () => {
  it.each([
    ["He said 'we won' on Sunday.", false],
    ['He said \u201cwe won on Sunday.', true],
    ["'We won,' he said.", false],
    ["Don't say the players' union won.", false],
  ])('%j leaves a quotation open at its end: %s', (text, open) => {
    expect(quotation(text, false).openAtEnd).toBe(open);
  });

  it('reads a sentence that closes a quotation opened earlier as quoted up to the close', () => {
    const { quoted } = quotation("It was a long night,' she said.", false);
    expect(quoted[0]).toBe(true);
    expect(quoted[quoted.length - 2]).toBe(false);
  });
});

describe('applyCuts', () => {
  it('joins the pieces with one space and capitalises a new start', () => {
    const text = 'On Monday, the ferry (the old one) sailed.';
    expect(
      applyCuts(text, [
        { start: 0, end: 11, rule: 'lead-adverbial' },
        { start: 20, end: 34, rule: 'parenthetical' },
      ]),
    ).toBe('The ferry sailed.');
  });
});
