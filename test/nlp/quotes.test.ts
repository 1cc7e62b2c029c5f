// Attribution cases, one per phenomenon, on sentences written for these tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../src/nlp/analyse.js';
import type { Quote } from '../../src/nlp/types.js';

/** The attributions read, an interrupted one ("A, she said, B") as its two pieces, as `newsdesk extract` prints them. */
function quotes(text: string): Quote[] {
  return analyseText(text).quotes.flatMap((q) =>
    (q.parts ?? [q]).map(({ start, end, kind }) => ({ ...q, text: text.slice(start, end), start, end, kind })),
  );
}

function find(text: string, fragment: string): Quote | undefined {
  return quotes(text).find((q) => q.text.includes(fragment));
}

interface Case {
  name: string;
  text: string;
  fragment: string;
  /** The speaker's name, or null for an attribution with no source ("it seems"). */
  speaker: string | null;
  mention?: string;
  kind?: Quote['kind'];
  cue?: string;
  /** The exact quote span, when the case is about where it starts and ends. */
  quote?: string;
}

const cases: Case[] = [
  {
    name: 'curly direct quote with the speech verb after',
    text: 'The harbour flooded again this week.\n\n“We will build the wall,” Mayor Ana Ortiz said on Monday.',
    fragment: 'We will build the wall',
    speaker: 'Ana Ortiz',
    kind: 'direct',
    cue: 'said',
  },
  {
    name: 'straight double quotes with an inverted verb',
    text: 'The vote was close.\n\n"It was a long night," said Tom Reyes, the council treasurer.',
    fragment: 'It was a long night',
    speaker: 'Tom Reyes',
  },
  {
    name: 'guillemets after a colon',
    text: 'The river kept rising overnight.\n\nAna Ortiz warned: «The river is rising.» Nobody left.',
    fragment: 'The river is rising',
    speaker: 'Ana Ortiz',
  },
  {
    name: 'split quote: both halves get the speaker',
    text: 'The budget passed late.\n\n“It was close,” she said, “but we got there.”\n\nNothing else happened.',
    fragment: 'but we got there',
    speaker: 'she',
    mention: 'she',
  },
  {
    name: 'quote running over paragraphs continues the speaker',
    text: 'Tom Reyes spoke last.\n\n“We have no money left,” Reyes said. “The schools will close.\n\n“And the roads will not be fixed this year.”',
    fragment: 'the roads will not be fixed',
    speaker: 'Tom Reyes',
  },
  {
    name: 'lost quotation marks with the verb after and the speaker inverted',
    text: 'The talks stalled.\n\nThe treaty would collapse within a year, acknowledged Ana Ortiz, the former trade minister. I saw it coming.',
    fragment: 'The treaty would collapse within a year',
    speaker: 'Ana Ortiz',
    kind: 'unmarked',
    cue: 'acknowledged',
  },
  {
    name: 'continuation sentence inherits the previous speaker',
    text: 'The talks stalled.\n\nThe treaty would collapse within a year, acknowledged Ana Ortiz, the former trade minister. I saw it coming.',
    fragment: 'I saw it coming',
    speaker: 'Ana Ortiz',
  },
  {
    name: 'indirect speech with said that',
    text: 'The council met on Monday.\n\nTom Reyes said that the budget would be late.',
    fragment: 'the budget would be late',
    speaker: 'Tom Reyes',
    kind: 'indirect',
  },
  {
    name: 'according to before the clause',
    text: 'The council met on Monday.\n\nAccording to Tom Reyes, the bridge will open in May.',
    fragment: 'the bridge will open in May',
    speaker: 'Tom Reyes',
    cue: 'according to',
  },
  {
    name: 'told an outlet with the clause after',
    text: 'The council met on Monday.\n\nTom Reyes told the Daily Herald the bridge would open in May.',
    fragment: 'the bridge would open in May',
    speaker: 'Tom Reyes',
  },
  {
    name: 'speech verb family: recalled',
    text: 'The council met on Monday.\n\nThe old bridge was never safe, Tom Reyes recalled.',
    fragment: 'The old bridge was never safe',
    speaker: 'Tom Reyes',
    cue: 'recalled',
  },
  {
    name: 'speech verb family: insisted that',
    text: 'The council met on Monday.\n\nAna Ortiz insisted that the vote was fair.',
    fragment: 'the vote was fair',
    speaker: 'Ana Ortiz',
  },
  {
    name: 'anonymous source keeps its description',
    text: 'The council met on Monday.\n\nA senior city official said the bridge would open late.',
    fragment: 'the bridge would open late',
    speaker: 'A senior city official',
  },
  {
    name: 'pronoun resolved to the right person by gender',
    text: 'Ana Ortiz and Tom Reyes met on Monday.\n\nTom Reyes left early. Ana Ortiz stayed. “We are not done,” she said.',
    fragment: 'We are not done',
    speaker: 'Ana Ortiz',
    mention: 'she',
  },
  {
    name: 'description resolved to the organisation the text names',
    text: 'The Daily Herald published the letter on Friday.\n\nThe newspaper said the mayor had known for months.',
    fragment: 'the mayor had known for months',
    speaker: 'Daily Herald',
    mention: 'The newspaper',
  },
  {
    name: 'role from an apposition',
    text: 'The council met on Monday.\n\n“We are broke,” said Tom Reyes, the council treasurer.',
    fragment: 'We are broke',
    speaker: 'Tom Reyes',
  },
  {
    name: 'a quote after "said NAME." continues that speaker even when the name ends like "on"',
    text: 'The port reopened.\n\n“The harbour is open,” said Tom Fenton. “The boats can sail again tomorrow.”',
    fragment: 'The boats can sail again',
    speaker: 'Tom Fenton',
    kind: 'direct',
  },
  {
    name: 'a share of respondents speaks ("Just 28 percent of voters said")',
    text: 'The survey ran all week.\n\nJust 28 percent of voters said they trusted the council. About four in 10 said the roads were worse.',
    fragment: 'the roads were worse',
    speaker: 'About four in 10',
    kind: 'indirect',
  },
  {
    name: 'a participle cue takes the subject of the main clause, never the noun after it',
    text: 'The budget passed late.\n\nAna Ortiz defended the new tax, saying the schools would get the money.',
    fragment: 'the schools would get the money',
    speaker: 'Ana Ortiz',
    cue: 'saying',
  },
  {
    name: 'a participle framing a fragment takes the subject after a lead-in',
    text: 'The forum ran late.\n\nSpeaking at a town hall in Dover, Ana Ortiz went after Tom Reyes, calling him “a total stiff.”',
    fragment: 'a total stiff',
    speaker: 'Ana Ortiz',
    kind: 'mixed',
  },
  {
    name: 'an absolute phrase speaks for itself ("with three in 10 saying")',
    text: 'The poll closed.\n\nMost drivers shrugged off the change, with three in 10 saying the bridge toll made no difference.',
    fragment: 'the bridge toll made no difference',
    speaker: 'three in 10',
  },
  {
    name: 'a signature after the quote on its own line ("“...” ― Jane Doe")',
    text: 'Readers wrote in after the debate.\n\n“The roads are a disgrace.” ― Maria Lopez\n“We need a new council.” ― Tom Reyes, a bus driver.',
    fragment: 'We need a new council',
    speaker: 'Tom Reyes',
    quote: '“We need a new council.”',
    kind: 'direct',
  },
  {
    name: 'a signature ends the line: the first of several signed quotes',
    text: 'Readers wrote in after the debate.\n\n“The roads are a disgrace.” ― Maria Lopez\n“We need a new council.” ― Tom Reyes, a bus driver.',
    fragment: 'The roads are a disgrace',
    speaker: 'Maria Lopez',
  },
  {
    name: 'a closing mark misprinted as the opening one at a line start',
    text: 'Readers wrote in after the debate.\n\n”The bridge is falling apart. Fix it now.” ― Maria Lopez',
    fragment: 'The bridge is falling apart',
    speaker: 'Maria Lopez',
    quote: '”The bridge is falling apart. Fix it now.”',
  },
  {
    name: 'a framed object runs over several quoted words',
    text: 'The feud went on.\n\nAna Ortiz called the mayor a “liar,” a “coward” and “unfit.”',
    fragment: 'coward',
    speaker: 'Ana Ortiz',
    quote: 'the mayor a “liar,” a “coward” and “unfit.”',
    kind: 'mixed',
  },
  {
    name: 'a framed object ends before a time',
    text: 'The feud went on.\n\nTom Reyes blasted the plan as a “disgrace” Wednesday on the radio.',
    fragment: 'disgrace',
    speaker: 'Tom Reyes',
    quote: 'the plan as a “disgrace”',
  },
  {
    name: 'a signature keeps an initial in the name',
    text: 'Readers wrote in after the debate.\n\n“The roads are a disgrace.” ― Julie A. Ortiz\n“We need a new council.” ― Tom Reyes',
    fragment: 'The roads are a disgrace',
    speaker: 'Julie A. Ortiz',
  },
  {
    name: 'a transcript turn belongs to its label',
    text: 'Partial transcript as follows:\n\n"HOST: Will the mayor run again next year?\n\n"ORTIZ: Well, look, the harbour comes first and the election can wait.\n\n"The council knows that too."',
    fragment: 'the harbour comes first',
    speaker: 'ORTIZ',
    quote: 'Well, look, the harbour comes first and the election can wait.',
    kind: 'direct',
  },
  {
    name: 'an unlabelled paragraph after a transcript turn continues it',
    text: 'Partial transcript as follows:\n\n"HOST: Will the mayor run again next year?\n\n"ORTIZ: Well, look, the harbour comes first and the election can wait.\n\n"The council knows that very well."',
    fragment: 'The council knows',
    speaker: 'ORTIZ',
  },
  {
    name: 'a participle after a time speaks for the subject ("tweets early Friday saying")',
    text: 'The feud went on.\n\nAna Ortiz posted a string of messages early Friday saying that Tom Reyes had lied about the budget.',
    fragment: 'Tom Reyes had lied',
    speaker: 'Ana Ortiz',
  },
  {
    name: 'a participle after a comma speaks for the subject, past a place and a sentence adverb',
    text: 'The feud went on.\n\nMeanwhile, Ana Ortiz spoke out Tuesday about the flood in Dover, Delaware, arguing that the dam had failed.',
    fragment: 'the dam had failed',
    speaker: 'Ana Ortiz',
  },
  {
    name: "a participle after a quoted sentence speaks for the quote's speaker",
    text: 'The feud went on.\n\n“The deal is dead,” Ana Ortiz said in a statement, adding that the council would vote again.',
    fragment: 'the council would vote again',
    speaker: 'Ana Ortiz',
  },
  {
    name: 'a reported clause ends at a quoted comma before a participle, which goes on for the speaker',
    text: 'The feud went on.\n\nTom Reyes said the new budget was “a fraud,” noting that the council had cut the schools.',
    fragment: 'the council had cut the schools',
    speaker: 'Tom Reyes',
    quote: 'that the council had cut the schools',
  },
  {
    name: 'a reported clause ends at a quoted comma before "but" and a new subject',
    text: 'The feud went on.\n\nTom Reyes said the new budget was “a fraud,” but he voted for it anyway.',
    fragment: 'a fraud',
    speaker: 'Tom Reyes',
    quote: 'the new budget was “a fraud,”',
  },
  {
    name: 'a title in a lead-in is not the quote when the cue governs a clause after it',
    text: 'The show aired late.\n\nOn the broadcast of “Fox News Sunday,” Tom Reyes said the budget was only “a joke” for now.',
    fragment: 'a joke',
    speaker: 'Tom Reyes',
    quote: 'the budget was only “a joke” for now',
  },
  {
    name: 'the whole opening of a sentence as a described subject ("observers in X and around Y say")',
    text: 'The seat is open.\n\nPolitical observers in Dover and around the state say the mayor deserves a second term.',
    fragment: 'the mayor deserves a second term',
    speaker: 'Political observers',
    mention: 'Political observers in Dover and around the state',
    kind: 'indirect',
  },
  {
    name: 'a subject joining a name and a description ("RT and its defenders say that")',
    text: 'The channel was fined.\n\nHarbour Radio and its defenders say that the station is no more biased than any other.',
    fragment: 'no more biased',
    speaker: 'Harbour Radio',
  },
  {
    name: 'a pronoun inside a contraction before a progressive cue ("He’s claiming that")',
    text: 'Tom Reyes spoke on Friday.\n\nHe’s claiming that the vote was “rigged” and “a scandal.”',
    fragment: 'the vote was',
    speaker: 'Tom Reyes',
    mention: 'He',
    quote: 'that the vote was “rigged” and “a scandal.”',
  },
  {
    name: 'a progressive with its auxiliary ("Ana Ortiz is describing as “unhinged” ...")',
    text: 'Tom Reyes spoke on Friday.\n\nAna Ortiz is describing as “unhinged” a message from the mayor.',
    fragment: 'unhinged',
    speaker: 'Ana Ortiz',
  },
  {
    name: 'any main verb of a named subject frames a quoted fragment ("X openly admires Y as a “...”")',
    text: 'The race tightened.\n\nTom Reyes openly admires the governor as a “strong leader” and a friend.',
    fragment: 'strong leader',
    speaker: 'Tom Reyes',
    quote: 'the governor as a “strong leader”',
    kind: 'mixed',
  },
  {
    name: 'a framing word after a possessive is a noun; the verb before it frames the fragment',
    text: 'The speech was on Saturday.\n\nAna Ortiz, the harbour master, called the mayor’s remarks on Saturday “a wake-up call” for the port.',
    fragment: 'a wake-up call',
    speaker: 'Ana Ortiz',
    quote: 'the mayor’s remarks on Saturday “a wake-up call” for the port',
  },
  {
    name: 'a second verb of the same subject frames a fragment ("X beamed and asked ...")',
    text: 'The rally was long.\n\nTom Reyes beamed and asked the crowd to welcome the mayor - “my new best friend.”',
    fragment: 'my new best friend',
    speaker: 'Tom Reyes',
    quote: 'the crowd to welcome the mayor - “my new best friend.”',
  },
  {
    name: 'sung and chanted words are quotes; a participle after the quote goes on for the same speaker',
    text: 'A clip aired.\n\n“Keep your hands in sight,” Ana Ortiz sings to the mayor before asking him, “Where do we go from here?”',
    fragment: 'Where do we go from here',
    speaker: 'Ana Ortiz',
    cue: 'asking',
  },
  {
    name: 'a chant',
    text: 'The march went on.\n\nProtesters marching through the streets chanted “What curfew?” and kept going until 2 a.m.',
    fragment: 'What curfew',
    speaker: 'Protesters',
  },
  {
    name: 'the verb before "what it called" frames the whole clause',
    text: 'The council met.\n\nThe harbour board pledged to impose fines as a deterrent to what it called “a clear threat to the port.”',
    fragment: 'a clear threat',
    speaker: 'The harbour board',
    quote: 'to impose fines as a deterrent to what it called “a clear threat to the port.”',
  },
  {
    name: 'a horizontal bar before "X boasted" ends the clause reported before it',
    text: 'The debate was long.\n\nWhen Ana Ortiz noted that Tom Reyes paid no tax ― as was true for years ― Reyes boasted, “That makes me smart.”',
    fragment: 'That makes me smart',
    speaker: 'Tom Reyes',
    quote: '“That makes me smart.”',
  },
  {
    name: 'a party-state tag in the apposition ("Tom Reyes, R-Ky., said")',
    text: 'The vote is near.\n\n“Our assumption is that the veto will be overridden,” Sen. Tom Reyes, R-Ky., said Tuesday.',
    fragment: 'Our assumption',
    speaker: 'Tom Reyes',
    kind: 'direct',
  },
  {
    name: 'a participle before a quote with no quote before it takes the described subject',
    text: 'The march went on.\n\nSmall groups of protesters marched past the stadium while chanting, “Hands up, don’t shoot.”',
    fragment: 'Hands up',
    speaker: 'Small groups',
    mention: 'Small groups',
  },
  {
    name: '"as X put it" before a quote',
    text: 'The doctor is famous.\n\nNothing has stopped him from being seen, as The Dover Herald put it in a long profile, “the operator.”',
    fragment: 'the operator',
    speaker: 'Dover Herald',
    cue: 'put it',
  },
  {
    name: '"as X put it" after a quote in a long sentence: the clause after the last comma',
    text: 'The program is old.\n\nMembers of the council share her worry, in large part because while most applicants must meet strict tests of their schooling, work and income before they are let in, the main requirement for the harbour permit is a “lawful source of income,” as a council memo put it.',
    fragment: 'lawful source',
    speaker: 'a council memo',
    quote: 'the main requirement for the harbour permit is a “lawful source of income,”',
  },
  {
    name: 'a phrasal verb aimed at its object ("has gone after X as a “...”")',
    text: 'The feud went on.\n\nIn recent weeks, Ana Ortiz has gone after Tom Reyes as a “human leech” and a “spoiled brat.”',
    fragment: 'human leech',
    speaker: 'Ana Ortiz',
    quote: 'Tom Reyes as a “human leech” and a “spoiled brat.”',
  },
  {
    name: 'a title before a name ("Sen.") does not end the object of a stance verb',
    text: 'The race tightened.\n\nAna Ortiz endorsed Sen. Tom Reyes of the harbour district.',
    fragment: 'Tom Reyes',
    speaker: 'Ana Ortiz',
    quote: 'Sen. Tom Reyes of the harbour district',
  },
  {
    name: 'initials before a lower-case word ("U.N. rules") do not end the object of a stance verb',
    text: 'The race tightened.\n\nAna Ortiz criticized the breach of U.N. rules at the harbour.',
    fragment: 'breach',
    speaker: 'Ana Ortiz',
    quote: 'the breach of U.N. rules at the harbour',
  },
  {
    name: 'a long addressee after "told" runs up to the subject of the reported clause',
    text: 'The race tightened.\n\nAna Ortiz told a crowd in the harbour hall on Monday she would run again.',
    fragment: 'would run again',
    speaker: 'Ana Ortiz',
    quote: 'she would run again',
  },
  {
    name: 'a particle of the verb ("railed against") is not part of its object',
    text: 'The race tightened.\n\nAna Ortiz railed against the new harbour tax.',
    fragment: 'harbour tax',
    speaker: 'Ana Ortiz',
    quote: 'the new harbour tax',
  },
  {
    name: 'a particle of the verb ("called for") is not part of the quoted object',
    text: 'The race tightened.\n\nAna Ortiz called for a “complete rethink” of the harbour tax.',
    fragment: 'complete rethink',
    speaker: 'Ana Ortiz',
    quote: 'a “complete rethink” of the harbour tax',
  },
  {
    name: '"and" before a second noun phrase joins it to the object of a stance verb',
    text: 'The race tightened.\n\nAna Ortiz criticized the harbour tax and the new parking fees last week.',
    fragment: 'harbour tax',
    speaker: 'Ana Ortiz',
    quote: 'the harbour tax and the new parking fees',
  },
  {
    name: '"and" before a second verb ends the object of a stance verb',
    text: 'The race tightened.\n\nAna Ortiz criticized the harbour tax and walked out of the meeting.',
    fragment: 'harbour tax',
    speaker: 'Ana Ortiz',
    quote: 'the harbour tax',
  },
  {
    name: 'a preposition before the day that ends a stance object is not part of it',
    text: 'The race tightened.\n\nAna Ortiz endorsed Tom Reyes for mayor on Tuesday.',
    fragment: 'Tom Reyes',
    speaker: 'Ana Ortiz',
    quote: 'Tom Reyes for mayor',
  },
  {
    name: 'the complement after "as" belongs to the object of a stance verb',
    text: 'The race tightened.\n\nAna Ortiz described the harbour tax as a burden on every family.',
    fragment: 'harbour tax',
    speaker: 'Ana Ortiz',
    quote: 'the harbour tax as a burden on every family',
  },
  {
    name: 'a lead-in ending in a colon is not part of the quote it introduces',
    text: 'The race tightened.\n\nAna Ortiz fired back forcefully: “If they sue us, we will win.”',
    fragment: 'we will win',
    speaker: 'Ana Ortiz',
    quote: '“If they sue us, we will win.”',
  },
  {
    name: 'a title-case headline "X Says Y" reports the rest of the headline',
    text: 'Ortiz Says Ferry Tax Will Hurt Island Families.\n\nThe mayor spoke in Dover on Friday.',
    fragment: 'Ferry Tax',
    speaker: 'Ortiz',
    quote: 'Ferry Tax Will Hurt Island Families',
  },
  {
    name: 'a title-case headline "Y, X Says" reports the words before the comma',
    text: 'Ferry Tax Will Hurt Island Families, Mayor Ortiz Says.\n\nThe mayor spoke in Dover on Friday.',
    fragment: 'Ferry Tax',
    speaker: 'Mayor Ortiz',
    quote: 'Ferry Tax Will Hurt Island Families',
  },
  {
    name: 'a title-case headline "New Survey Shows Y" reports what the survey shows',
    text: 'New Survey Shows Ferry Fares Rising Fast.\n\nThe survey was taken in Dover.',
    fragment: 'Ferry Fares',
    speaker: 'New Survey',
    quote: 'Ferry Fares Rising Fast',
  },
  {
    name: 'a second headline verb after a comma ends the first claim',
    text: 'Ortiz Says Ferry Tax Failed, Calls Vote ‘A Disgrace’.\n\nThe mayor spoke in Dover on Friday.',
    fragment: 'Ferry Tax',
    speaker: 'Ortiz',
    quote: 'Ferry Tax Failed',
  },
  {
    name: 'a naming "called" with an object pronoun attributes the object and the name given',
    text: 'The race tightened.\n\nAna Ortiz called him reckless.',
    fragment: 'reckless',
    speaker: 'Ana Ortiz',
    quote: 'him reckless',
  },
  {
    name: 'a naming "calling" with a capitalised object and an indefinite name',
    text: 'The race tightened.\n\nTom Reyes has been calling Ortiz a fraud.',
    fragment: 'a fraud',
    speaker: 'Tom Reyes',
    quote: 'Ortiz a fraud',
  },
  {
    name: 'a naming "called" with a noun object and an indefinite name runs to the clause end',
    text: 'The race tightened.\n\nTom Reyes has called the harbour tax a gift to lobbyists.',
    fragment: 'harbour tax',
    speaker: 'Tom Reyes',
    quote: 'the harbour tax a gift to lobbyists',
  },
  {
    name: 'a reported clause may open with "no" before its subject noun',
    text: 'The court ruled on Monday.\n\nTom Reyes, a lawyer for the ferry company, said no decision had been made.',
    fragment: 'no decision',
    speaker: 'Tom Reyes',
    quote: 'no decision had been made',
  },
  {
    name: 'an adverb may stand between an interrupting speaker and the cue',
    text: 'The harbour flooded again.\n\nFerry fares, Tom Reyes often says, are the real tax on the island.',
    fragment: 'Ferry fares',
    speaker: 'Tom Reyes',
    quote: 'Ferry fares',
  },
  {
    name: 'a longer time or place aside after an interrupting cue still leaves a lead-in',
    text: 'The harbour flooded again.\n\nThese crews, Tom Reyes explained earlier at the council meeting, were badly paid.',
    fragment: 'These crews',
    speaker: 'Tom Reyes',
    quote: 'These crews',
  },
  {
    name: '"reportedly" reports the words after it with no speaker',
    text: 'The vote is close.\n\nThe ferry union is reportedly spending two million dollars on advertisements.',
    fragment: 'spending two million',
    speaker: null,
    quote: 'spending two million dollars on advertisements',
  },
  {
    name: '"reportedly" reports the words before it as a span of their own',
    text: 'The vote is close.\n\nThe ferry union is reportedly spending two million dollars on advertisements.',
    fragment: 'The ferry union',
    speaker: null,
    quote: 'The ferry union is',
  },
  {
    name: 'a short answer after a cue ("said as much") is what was said',
    text: 'The ferry fares rose again.\n\nThe ferry company said as much.',
    fragment: 'as much',
    speaker: 'The ferry company',
    quote: 'as much',
  },
  {
    name: 'a relative pronoun before an attribution ("which X says …") is a span of its own',
    text: 'The island kept one ferry.\n\nThey bought the old mine, which Tom Reyes says he is trying to keep open.',
    fragment: 'which',
    speaker: 'Tom Reyes',
    quote: 'which',
  },
  {
    name: 'a relative "which" after a comma is the subject of the stance verb it opens',
    text: 'The harbour flooded again.\n\nThe ferry workers union, which endorsed Ana Ortiz, met on Friday.',
    fragment: 'Ana Ortiz',
    speaker: 'which',
    quote: 'Ana Ortiz',
  },
  {
    name: 'a relative "that" right after a noun is the subject of the stance verb it opens',
    text: 'The harbour flooded again.\n\nIt was a ferry group that backed Tom Reyes.',
    fragment: 'Tom Reyes',
    speaker: 'that',
    quote: 'Tom Reyes',
  },
  {
    name: 'the words before an attribution that interrupts a sentence are a span of their own',
    text: 'The harbour flooded again.\n\nTown halls, Ana Ortiz said, are places where “anyone can stand up and shout.”',
    fragment: 'Town halls',
    speaker: 'Ana Ortiz',
    quote: 'Town halls',
  },
  {
    name: 'an attribution after the quote that closes a mixed span is not part of it',
    text: 'The race tightened.\n\nAna Ortiz insisted that the harbour had changed: “This is no longer our harbour,” she said.',
    fragment: 'no longer our harbour',
    speaker: 'Ana Ortiz',
    quote: 'that the harbour had changed: “This is no longer our harbour,”',
  },
  {
    name: 'a quoted programme title inside the addressee of "told" is not part of the reported clause',
    text: 'The race tightened.\n\nAna Ortiz told Harbour Radio’s “Morning Tide” on Friday that the wall would hold.',
    fragment: 'the wall would hold',
    speaker: 'Ana Ortiz',
    quote: 'that the wall would hold',
  },
  {
    name: 'a connective opening the sentence is not part of what "according to" reports',
    text: 'The race tightened.\n\nStill, the harbour wall is sinking every year, according to the Dover Herald.',
    fragment: 'harbour wall is sinking',
    speaker: 'Dover Herald',
    quote: 'the harbour wall is sinking every year',
  },
  {
    name: 'the channel between a cue and its "that" ("said via email that") is not what was said',
    text: 'The race tightened.\n\nAna Ortiz said via email that the harbour would reopen in May.',
    fragment: 'harbour would reopen',
    speaker: 'Ana Ortiz',
    quote: 'that the harbour would reopen in May',
  },
  {
    name: 'a place between a cue and its "that" ("wrote from her office that") is not what was said',
    text: 'The race tightened.\n\nAna Ortiz wrote from her office in the harbour district that the wall would hold.',
    fragment: 'the wall would hold',
    speaker: 'Ana Ortiz',
    quote: 'that the wall would hold',
  },
  {
    name: 'a closing bracket the span never opened is not part of it',
    text: 'The race tightened.\n\nAna Ortiz missed the vote (Tom Reyes later said that she had the flu).',
    fragment: 'had the flu',
    speaker: 'Tom Reyes',
    quote: 'that she had the flu',
  },
  {
    name: 'examples after a comma (", including") still belong to the object of a stance verb',
    text: 'The race tightened.\n\nAna Ortiz criticized the new taxes, including the harbour fee.',
    fragment: 'new taxes',
    speaker: 'Ana Ortiz',
    quote: 'the new taxes, including the harbour fee',
  },
  {
    name: 'the reason given with a quoted fragment ("because ...") belongs to its span',
    text: 'The race tightened.\n\nAna Ortiz called the plan “a disaster” because it ignores the harbour.',
    fragment: 'a disaster',
    speaker: 'Ana Ortiz',
    quote: 'the plan “a disaster” because it ignores the harbour',
  },
  {
    name: 'a short aside closed by a comma between a cue and its "that" is not what was said',
    text: 'The race tightened.\n\nAna Ortiz said, however, that the harbour would stay open.',
    fragment: 'harbour would stay open',
    speaker: 'Ana Ortiz',
    quote: 'that the harbour would stay open',
  },
  {
    name: 'an impression with no source ("X appears to Y"): what seems so',
    text: 'The harbour reopened in May.\n\nThe new dock appears to have survived the winter storms.',
    fragment: 'survived',
    speaker: null,
    quote: 'to have survived the winter storms',
  },
  {
    name: 'an impression with no source: the subject it is about, as its own span',
    text: 'The harbour reopened in May.\n\nThe new dock appears to have survived the winter storms.',
    fragment: 'The new dock',
    speaker: null,
    quote: 'The new dock',
  },
  {
    name: 'an expectation with no source ("is widely expected to"), up to the comma',
    text: 'The budget is ready.\n\nThe council, which meets on Friday, is widely expected to approve it, officials hinted.',
    fragment: 'approve it',
    speaker: null,
    quote: 'to approve it',
  },
  {
    name: 'a finding shown by a document or a poll needs no "that" ("A new poll shows X ahead")',
    text: 'The race is close.\n\nA new poll shows Ana Ortiz ahead of Tom Reyes by ten points.',
    fragment: 'ahead of Tom Reyes',
    speaker: 'A new poll',
    quote: 'Ana Ortiz ahead of Tom Reyes by ten points',
  },
  {
    name: 'a document after the clause it shows ("..., records show")',
    text: 'The dock was sold.\n\nThe harbour board paid twice the asking price, records show.',
    fragment: 'twice the asking price',
    speaker: 'records',
    quote: 'The harbour board paid twice the asking price',
  },
  {
    name: 'a stance verb with its particle ("called for X"); an abbreviation does not end the object',
    text: 'The storm passed.\n\nAna Ortiz called for a new sea wall along the U.S. coast.',
    fragment: 'sea wall',
    speaker: 'Ana Ortiz',
    kind: 'indirect',
    quote: 'a new sea wall along the U.S. coast',
  },
  {
    name: 'a stance verb with its particle aimed at someone ("called on X to Y")',
    text: 'The storm passed.\n\nThe mayor called on the board to approve the repairs.',
    fragment: 'approve the repairs',
    speaker: 'The mayor',
    quote: 'the board to approve the repairs',
  },
  {
    name: 'a participle after a comma takes the sentence\'s subject ("X voted no, citing Y")',
    text: 'The storm passed.\n\nAna Ortiz voted against the plan, citing the cost of the repairs.',
    fragment: 'the cost of',
    speaker: 'Ana Ortiz',
    cue: 'citing',
    quote: 'the cost of the repairs',
  },
  {
    name: '"cited X as a reason": "as" before a predicate stays in the object',
    text: 'The storm passed.\n\nAna Ortiz cited the cost as a reason to wait.',
    fragment: 'the cost',
    speaker: 'Ana Ortiz',
    quote: 'the cost as a reason to wait',
  },
  {
    name: 'a verb of belief before a clause with its own subject needs no "that" ("X believe he can win")',
    text: 'The vote is near.\n\nHarbour workers believe the new dock will flood every winter.',
    fragment: 'flood every winter',
    speaker: 'Harbour workers',
    cue: 'believe',
    quote: 'the new dock will flood every winter',
  },
  {
    name: 'after "questioned" a determiner opens the noun questioned, not a clause ("questioned the cost of X")',
    text: 'The vote is near.\n\nAna Ortiz questioned the cost of the new dock on Monday.',
    fragment: 'the cost',
    speaker: 'Ana Ortiz',
    cue: 'questioned',
    quote: 'the cost of the new dock',
  },
  {
    name: '"pointed to" takes a stance toward its object, like "cited"',
    text: 'The vote is near.\n\nAna Ortiz pointed to the storm damage as a reason to wait.',
    fragment: 'the storm damage',
    speaker: 'Ana Ortiz',
    cue: 'pointed',
    quote: 'the storm damage as a reason to wait',
  },
  {
    name: 'a stance verb in the passive is a stance toward its subject, by the agent after "by"',
    text: 'The vote is near.\n\nThe new dock has been criticized by Ana Ortiz for its cost.',
    fragment: 'The new dock',
    speaker: 'Ana Ortiz',
    cue: 'criticized',
    quote: 'The new dock',
  },
  {
    name: 'an adverb between the auxiliaries and a passive stance verb is not part of its subject',
    text: 'The vote is near.\n\nThe new dock has been widely criticized by Ana Ortiz.',
    fragment: 'The new dock',
    speaker: 'Ana Ortiz',
    cue: 'criticized',
    quote: 'The new dock',
  },
  {
    name: '"echoed" takes a stance toward the words or view echoed',
    text: 'The vote is near.\n\nTom Reyes echoed her concerns about the new dock.',
    fragment: 'her concerns',
    speaker: 'Tom Reyes',
    cue: 'echoed',
    quote: 'her concerns about the new dock',
  },
  {
    name: '"discussed" takes a stance toward what was discussed',
    text: 'The vote is near.\n\nAna Ortiz discussed the cost of the new dock.',
    fragment: 'the cost',
    speaker: 'Ana Ortiz',
    cue: 'discussed',
    quote: 'the cost of the new dock',
  },
  {
    name: '"questioned" before a wh-word reports the question ("questioned whether X")',
    text: 'The vote is near.\n\nAna Ortiz questioned whether the new dock would survive the winter.',
    fragment: 'the new dock',
    speaker: 'Ana Ortiz',
    cue: 'questioned',
    quote: 'whether the new dock would survive the winter',
  },
  {
    name: 'a stance verb in the progressive ("X are urging Y to Z") is a stance, not a passive',
    text: 'The vote is near.\n\nHarbour workers are urging the council to delay the new dock.',
    fragment: 'the council',
    speaker: 'Harbour workers',
    cue: 'urging',
    quote: 'the council to delay the new dock',
  },
  {
    name: 'a verb of perception with an "as" complement states a view ("X see Y as Z")',
    text: 'The vote is near.\n\nMany harbour workers see the new dock as a danger to the old town.',
    fragment: 'the new dock',
    speaker: 'Many harbour workers',
    cue: 'see',
    quote: 'the new dock as a danger to the old town',
  },
  {
    name: 'a verb of belief before a determiner phrase with its own verb needs no "that" ("suspect those X were")',
    text: 'The vote is near.\n\nHarbour workers suspect those repairs were never finished.',
    fragment: 'never finished',
    speaker: 'Harbour workers',
    cue: 'suspect',
    quote: 'those repairs were never finished',
  },
  {
    name: 'a speech verb with its particle reports its topic as a stance ("talked about X")',
    text: 'The storm passed.\n\nAna Ortiz talked about the cost of the repairs on Monday.',
    fragment: 'the cost of',
    speaker: 'Ana Ortiz',
    cue: 'talked',
    quote: 'the cost of the repairs',
  },
  {
    name: 'a participle after a quote\'s cue takes that cue\'s speaker ("“...,” she said, referring to X")',
    text: 'Mayor Ana Ortiz spoke.\n\n“We remain open to talks with the Board,” she said, referring to the harbour board of Dover.',
    fragment: 'the harbour board',
    speaker: 'Ana Ortiz',
    cue: 'referring',
    quote: 'the harbour board of Dover',
  },
  {
    name: 'a commitment\'s plan is its object ("vowed to X"), up to the comma',
    text: 'The storm passed.\n\nAna Ortiz vowed to rebuild the harbour wall, despite the cost.',
    fragment: 'rebuild the harbour',
    speaker: 'Ana Ortiz',
    cue: 'vowed',
    quote: 'to rebuild the harbour wall',
  },
  {
    name: 'pressure on someone takes the person urged and the plan ("urged X to Y")',
    text: 'The storm passed.\n\nAna Ortiz urged the board to approve the repairs.',
    fragment: 'approve the repairs',
    speaker: 'Ana Ortiz',
    quote: 'the board to approve the repairs',
  },
  {
    name: 'a document anywhere in the subject shows a finding ("Video of the march shows X")',
    text: 'The march went on.\n\nVideo of the march shows the mayor at the front of the crowd.',
    fragment: 'at the front',
    speaker: 'Video of the march',
    quote: 'the mayor at the front of the crowd',
  },
  {
    name: 'a poll in a lead-in with a participle set off after it ("In the poll, conducted in May, X")',
    text: 'The race is close.\n\nIn the latest harbour poll, conducted in early May, Ana Ortiz led Tom Reyes by six points.',
    fragment: 'led Tom Reyes',
    speaker: 'the latest harbour poll',
    cue: 'in',
    quote: 'Ana Ortiz led Tom Reyes by six points',
  },
  {
    name: 'a poll in a lead-in is the source of the clause after its comma ("In the latest poll, X")',
    text: 'The race is close.\n\nIn the latest harbour poll, Ana Ortiz leads Tom Reyes by six points.',
    fragment: 'leads Tom Reyes',
    speaker: 'the latest harbour poll',
    cue: 'in',
    quote: 'Ana Ortiz leads Tom Reyes by six points',
  },
  {
    name: 'a weak speech verb with a bare noun object takes a stance toward it ("demanded answers")',
    text: 'The vote was close.\n\nAna Ortiz demanded answers from the election board.',
    fragment: 'answers',
    speaker: 'Ana Ortiz',
    cue: 'demanded',
    quote: 'answers from the election board',
  },
  {
    name: 'where it was said ends a stance object ("called for X in a written statement")',
    text: 'The storm passed.\n\nAna Ortiz called for a new sea wall in a written statement on Monday.',
    fragment: 'sea wall',
    speaker: 'Ana Ortiz',
    quote: 'a new sea wall',
  },
  {
    name: 'a list closed by "and" after a stance object is all of the object ("roads, schools and the harbour")',
    text: 'The race tightened.\n\nAna Ortiz criticized the plan to cut money for roads, schools and the harbour.',
    fragment: 'cut money',
    speaker: 'Ana Ortiz',
    quote: 'the plan to cut money for roads, schools and the harbour',
  },
  {
    name: 'a quote that finishes a reported clause takes its subject and verb ("said Ortiz had “the …”")',
    text: 'The race tightened.\n\nTom Reyes once opposed Ana Ortiz, but now said Ortiz had “the courage and the plan to fix the harbour.”',
    fragment: 'the courage',
    speaker: 'Tom Reyes',
    kind: 'mixed',
    quote: 'Ortiz had “the courage and the plan to fix the harbour.”',
  },
  {
    name: 'a sentence adverbial opening a reported sentence is not part of it ("In addition, X, a spokesman said")',
    text: 'The storm passed.\n\nThe harbour board met on Monday. In addition, the board plans to rebuild the sea wall next spring, a spokesman said.',
    fragment: 'the board plans',
    speaker: 'a spokesman',
    quote: 'the board plans to rebuild the sea wall next spring',
  },
  {
    name: 'a reporting participle after a comma is the cue, not part of what it reports (", noting the damage …")',
    text: 'The storm passed.\n\nAna Ortiz said on Tuesday in Dover, noting the damage “makes you want to weep.”',
    fragment: 'want to weep',
    speaker: 'Ana Ortiz',
    quote: 'the damage “makes you want to weep.”',
  },
  {
    name: 'a quote that goes on a clause after the reporting verb takes the clause\'s lead-in (", but “…”")',
    text: 'The storm passed.\n\n“I love the harbour,” Ana Ortiz said, but “the wall will not hold another winter.”',
    fragment: 'another winter',
    speaker: 'Ana Ortiz',
    kind: 'mixed',
    quote: 'but “the wall will not hold another winter.”',
  },
  {
    name: 'a short phrase that goes on after a quote closes mid-sentence is part of the span (“…” until the vote.)',
    text: 'The storm passed.\n\nOn Monday, Ana Ortiz said, “We have two weeks to go” until the vote.',
    fragment: 'two weeks to go',
    speaker: 'Ana Ortiz',
    kind: 'mixed',
    quote: '“We have two weeks to go” until the vote',
  },
  {
    name: "a bracketed clause closing a reported span is the writer's aside, not part of the span",
    text: 'The storm passed.\n\nAna Ortiz said the new tax would help the harbour towns (which had lost most of their trade last year).',
    fragment: 'harbour towns',
    speaker: 'Ana Ortiz',
    quote: 'the new tax would help the harbour towns',
  },
  {
    name: 'a parenthetical cue inside a sentence splits it: the clause after the cue',
    text: 'The ferry strike entered its third week.\n\nThe old timetable, Ana Ortiz said, had never worked for night crews.',
    fragment: 'had never worked',
    speaker: 'Ana Ortiz',
    quote: 'had never worked for night crews',
  },
  {
    name: 'a parenthetical cue inside a sentence splits it: the words before the cue',
    text: 'The ferry strike entered its third week.\n\nThe old timetable, Ana Ortiz said, had never worked for night crews.',
    fragment: 'The old timetable',
    speaker: 'Ana Ortiz',
    quote: 'The old timetable',
  },
  {
    name: 'an indirect span ends before a second cue after a comma ("..., while 30 percent said ...")',
    text: 'The harbour survey came out on Friday.\n\nMost fishermen said the new dock was too small, while 30 percent said it would do for now.',
    fragment: 'the new dock was too small',
    speaker: 'Most fishermen',
    quote: 'the new dock was too small',
  },
  {
    name: 'an indirect span ends before a participle cue of another source ("..., contradicting ...")',
    text: 'The inquiry reported on Monday.\n\nThe logbook shows that the ferry left on time, contradicting the captain who claimed it was late.',
    fragment: 'the ferry left on time',
    speaker: 'The logbook',
    quote: 'that the ferry left on time',
  },
];

const verbFamily: [string, string][] = [
  ['warned', 'Ana Ortiz warned that the harbour would flood again.'],
  ['added', 'Ana Ortiz added that the harbour would flood again.'],
  ['wrote', 'Ana Ortiz wrote that the harbour would flood again.'],
  ['argued', 'Ana Ortiz argued that the harbour would flood again.'],
  ['noted', 'Ana Ortiz noted that the harbour would flood again.'],
  ['detailed', 'Ana Ortiz detailed how the harbour would flood again.'],
  ['acknowledged', 'Ana Ortiz acknowledged that the harbour would flood again.'],
  ['told', 'Ana Ortiz told the Daily Herald that the harbour would flood again.'],
];

describe('extractQuotes', () => {
  for (const [verb, sentence] of verbFamily) {
    it(`reads the speech verb "${verb}"`, () => {
      const q = find(`The storm passed on Monday.\n\n${sentence}`, 'the harbour would flood again');
      expect(q?.speaker).toBe('Ana Ortiz');
      expect(q?.cue).toBe(verb);
    });
  }

  it('reads nested single quotes inside a direct quote as the quoted person', () => {
    const text =
      'Tom Reyes described the meeting with Ana Ortiz.\n\n“She stood up and said, ‘This is my city,’ and left,” Reyes recalled.';
    const nested = find(text, 'This is my city');
    expect(quotes(text).some((q) => q.text === 'This is my city,' && q.speaker === 'Ana Ortiz')).toBe(true);
    expect(nested).toBeDefined();
    expect(quotes(text).find((q) => q.text.startsWith('“She stood'))?.speaker).toBe('Tom Reyes');
  });

  it('reads a parenthetical cue and its description ("they say") as two spans', () => {
    const text = 'Many harbour workers are worried.\n\nThe new dock, they say, would flood every winter.';
    const q = find(text, 'would flood every winter');
    expect(q?.text).toBe('would flood every winter');
    expect(q?.speaker).toBe('Many harbour workers');
    expect(find(text, 'The new dock')?.text).toBe('The new dock');
  });

  describe('an attribution that interrupts the words it reports', () => {
    const text =
      'The ferry strike entered its third week.\n\nThe old timetable, Ana Ortiz said, had never worked for night crews.';

    it('is one quote of the sentence as written, so chat never shows the lead-in alone', () => {
      const read = analyseText(text).quotes.filter((q) => q.speaker === 'Ana Ortiz');
      expect(read).toHaveLength(1);
      expect(read[0]?.text).toBe('The old timetable, Ana Ortiz said, had never worked for night crews');
      expect(read[0]?.kind).toBe('indirect');
    });

    it('keeps the two reported pieces without the interruption', () => {
      const [q] = analyseText(text).quotes.filter((x) => x.speaker === 'Ana Ortiz');
      expect(q?.parts?.map((p) => text.slice(p.start, p.end))).toEqual([
        'The old timetable',
        'had never worked for night crews',
      ]);
    });

    it('does not join a split direct quote: “A,” she said, “B.” are two quotes', () => {
      const split = 'The ferry strike went on.\n\n“The timetable failed,” Ana Ortiz said, “and the crews paid for it.”';
      const read = analyseText(split).quotes.filter((q) => q.speaker === 'Ana Ortiz');
      expect(read.map((q) => q.parts)).toEqual([undefined, undefined]);
      expect(read.map((q) => q.text)).toEqual(['“The timetable failed,”', '“and the crews paid for it.”']);
    });
  });

  it('reads a participle aside between a speaker and the cue as an aside, not as the cue', () => {
    const text =
      'The harbour flooded again.\n\nAna Ortiz, speaking at the harbour on Friday, said the dock would flood again.';
    expect(find(text, 'the dock would flood again')?.text).toBe('the dock would flood again');
    expect(find(text, 'the dock would flood again')?.cue).toBe('said');
    expect(quotes(text).filter((q) => q.cue === 'speaking')).toEqual([]);
  });

  it('gives no role from a participle aside ("Tom Reyes, speaking at the harbour, said"), but keeps "acting" roles', () => {
    const aside = 'The harbour flooded.\n\nTom Reyes, speaking at the harbour on Friday, said the dock would flood.';
    expect(find(aside, 'the dock would flood')?.role).toBeNull();
    const acting = 'The harbour flooded.\n\nTom Reyes, the acting harbour master, said the dock would flood.';
    expect(find(acting, 'the dock would flood')?.role).toBe('the acting harbour master');
    const outgoing = 'The harbour flooded.\n\nTom Reyes, outgoing harbour master, said the dock would flood.';
    expect(find(outgoing, 'the dock would flood')?.role).toBe('outgoing harbour master');
  });

  it('continues a direct quote after an indirect aside of the same speaker (", adding that ...")', () => {
    const text =
      'The harbour flooded again.\n\n“The dock will flood,” Ana Ortiz said, adding that the council knew. “Nobody listened.”';
    expect(find(text, 'Nobody listened')?.speaker).toBe('Ana Ortiz');
  });

  it('reads a question after "asked"', () => {
    const q = find('The council met on Monday.\n\nA reporter asked Ana Ortiz whether the dock would open.', 'whether');
    expect(q?.text).toBe('whether the dock would open');
    expect(q?.speaker).toBe('A reporter');
  });

  it('attributes a stance toward an object as indirect', () => {
    const q = find('The race tightened.\n\nAna Ortiz endorsed Tom Reyes last week.', 'Tom Reyes');
    expect(q?.text).toBe('Tom Reyes');
    expect(q?.speaker).toBe('Ana Ortiz');
    expect(q?.kind).toBe('indirect');
  });

  it('reads "Asked if ..." as a question with no speaker given', () => {
    const q = find('The race tightened.\n\nAsked if she would run again, Ana Ortiz said no.', 'she would run again');
    expect(q?.speaker).toBeNull();
  });

  it('ends a reported clause where the main clause of a subordinate sentence starts', () => {
    const text =
      'The council met on Monday.\n\nWhile Ana Ortiz said that the dock was safe, the engineers kept testing it.';
    expect(find(text, 'the dock was safe')?.text).toBe('that the dock was safe');
  });

  for (const c of cases) {
    it(c.name, () => {
      const q = find(c.text, c.fragment);
      expect(q, `no quote containing "${c.fragment}" in ${JSON.stringify(quotes(c.text))}`).toBeDefined();
      if (!q) return;
      expect(q.text).toBe(c.text.slice(q.start, q.end));
      expect(q.speaker).toBe(c.speaker);
      if (c.mention) expect(c.text.slice(q.speakerStart ?? 0, q.speakerEnd ?? 0)).toBe(c.mention);
      if (c.kind) expect(q.kind).toBe(c.kind);
      if (c.cue) expect(q.cue).toBe(c.cue);
      if (c.quote) expect(q.text).toBe(c.quote);
    });
  }

  // Precision rules: spans PolNeAR does not label, each on a sentence of ours.
  const notAttributions: { name: string; text: string; absent: string; kept?: string }[] = [
    {
      name: 'a stance inside a reported clause is not a second attribution ("X plans to Y, according to Z")',
      text: 'The race tightened.\n\nAna Ortiz plans to visit the harbour on Sunday, according to her spokesman.',
      absent: 'to visit the harbour',
      kept: 'Ana Ortiz plans to visit the harbour on Sunday',
    },
    {
      name: 'a cue word used as a noun is no stance ("support among", "pledged delegates")',
      text: 'The race tightened.\n\nAna Ortiz has strong support among harbour workers and won more pledged delegates than Tom Reyes. “The dock is safe,” Mr. Hedge said.',
      absent: 'among harbour workers',
      kept: 'The dock is safe',
    },
    {
      name: 'a desk label before a colon is no speaker ("The Latest: X", "UPDATE: X")',
      text: 'The Latest: Ortiz wins the harbour vote by a wide margin\nUPDATE: The harbour board has since removed the notice from its website.',
      absent: 'Ortiz wins the harbour vote',
    },
    {
      name: 'a short lead-in of time or manner before a cue that runs on is not the quote ("In response, X assured")',
      text: 'The race tightened.\n\nIn response, Ana Ortiz assured voters she would keep the harbour open.',
      absent: 'In response',
      kept: 'she would keep the harbour open',
    },
    {
      name: "a third-person sentence after an unmarked quote is the writer's, not a continuation",
      text: 'The talks stalled.\n\nThe treaty would collapse within a year, acknowledged Ana Ortiz, the former trade minister. The harbour board met again on Friday.',
      absent: 'The harbour board met again on Friday.',
      kept: 'The treaty would collapse within a year',
    },
    {
      name: '"attack" after a modifier is the noun ("terror attacks changed", "withering attacks against")',
      text: 'The race tightened.\n\nHarbour terror attacks changed the race, and Tom Reyes faced withering attacks against his record. Tom Reyes attacks Ana Ortiz every day.',
      absent: 'his record',
      kept: 'Ana Ortiz every day',
    },
    {
      name: 'counted or qualified "states" is the noun ("her fifth win in eight states.")',
      text: 'The race tightened.\n\nAna Ortiz won the harbour vote, her fifth win in eight states. The plan, the memo states, is dead.',
      absent: 'Ana Ortiz won the harbour vote',
      kept: 'The plan',
    },
    {
      name: 'a participle on an indefinite pronoun names no speaker ("anyone wanting to ...")',
      text: 'The harbour board met.\n\nThe advice is simple for anyone wanting to borrow money for a boat.',
      absent: 'to borrow money for a boat',
    },
    {
      name: '"question" after a determiner and a modifier is the noun ("A big question remains")',
      text: 'The harbour board met.\n\nA big question remains about the toll. Ana Ortiz questioned the harbour budget.',
      absent: 'remains about the toll',
      kept: 'the harbour budget',
    },
  ];
  for (const c of notAttributions) {
    it(c.name, () => {
      const qs = quotes(c.text);
      expect(qs.some((q) => q.text === c.absent || (!c.kept && q.text.includes(c.absent)))).toBe(false);
      expect(qs.every((q) => q.speaker !== 'The Latest' && q.speaker !== 'UPDATE')).toBe(true);
      if (c.kept) expect(qs.some((q) => q.text.includes(c.kept ?? ''))).toBe(true);
      expect(qs.every((q) => q.cue?.toLowerCase() !== 'hedge' && q.cue !== 'pledged')).toBe(true);
    });
  }

  it('reads the role from an apposition', () => {
    expect(find(cases[15]?.text ?? '', 'We are broke')?.role).toBe('the council treasurer');
  });

  it('reports a nested quote as its own quote by the person quoted', () => {
    const text =
      'Tom Reyes described the meeting with Ana Ortiz.\n\nHe said the mayor, Ana Ortiz, would stand up and say, “This is my city.” Then she left, Reyes recalled.';
    const nested = quotes(text).find((q) => q.text.includes('This is my city') && q.text.length < 25);
    expect(nested?.kind).toBe('direct');
    expect(nested?.speaker).toBe('Ana Ortiz');
    const outer = quotes(text).find((q) => q.text.includes('This is my city') && q.text.length > 25);
    expect(outer?.speaker).toBe('Tom Reyes');
  });

  it('reads a programme named in a lead-in as a title, and the reported clause after it', () => {
    const text =
      'The debate ran late.\n\nOn Channel Nine\'s "Morning Desk," Ana Ortiz said that the harbour would flood.';
    const qs = quotes(text);
    expect(qs.some((q) => q.text.includes('Morning Desk'))).toBe(false);
    expect(find(text, 'the harbour would flood')?.speaker).toBe('Ana Ortiz');
  });

  it('takes no clause opening for a subject ("It goes without saying that", "He’s been ...")', () => {
    const text =
      'The seat is open.\n\nIt goes without saying that the mayor deserves a second term. Federal and state officials said nothing.';
    expect(quotes(text).map((q) => q.speaker)).not.toContain('It goes without');
    expect(quotes(text).map((q) => q.speaker)).not.toContain('Federal and');
  });

  it("takes a label after a possessive or a title after a subject and verb for no one's words", () => {
    const text =
      'The paper hired staff.\n\nThe Dover Herald sent its “senior harbour reporter” to the council. Ana Ortiz watched “The Harbour Show” on Monday.';
    expect(quotes(text)).toEqual([]);
  });

  it('leaves out titles, scare quotes and slogans', () => {
    const text =
      'The film “Blue River” opened on Friday.\n\nThe so-called “reform” of the harbour board passed on Friday.\n\nMarchers carried signs reading “Save the harbour” past the hall.';
    expect(quotes(text)).toEqual([]);
  });

  it('reads no impression in a physical appearance or an infinitive ("appeared on", "to appear")', () => {
    const text =
      'The show aired on Monday.\n\nAna Ortiz appeared on Channel Nine with the mayor. Tom Reyes was ready to appear before the board.';
    expect(quotes(text)).toEqual([]);
  });

  it('reads no impression of its own inside words a speaker is given ("X seems to Y, Ana Ortiz told CNN")', () => {
    const text =
      'The dock closed.\n\nThe council seems to have forgotten that the dock flooded twice last year, harbour spokeswoman Ana Ortiz told CNN.';
    const qs = quotes(text);
    expect(qs.map((q) => q.speaker)).toEqual(['Ana Ortiz']);
    expect(qs[0]?.text).toContain('seems to have forgotten');
    // The same impression standing alone is the writer's, with no one named as its source.
    expect(
      quotes('The dock closed.\n\nThe council seems to have forgotten the floods.').map((q) => q.speaker),
    ).toContain(null);
  });

  it('reads no stance in a relative clause ending on its verb ("the costs he cited are high")', () => {
    const text = 'The storm passed.\n\nThe repair costs he cited are higher than last year.';
    expect(quotes(text)).toEqual([]);
  });

  it('reads no belief without "that" when no clause follows ("Ana Ortiz hopes for rain")', () => {
    const text = 'The vote is near.\n\nAna Ortiz hopes for rain on Monday.';
    expect(quotes(text)).toEqual([]);
  });

  it('leaves a lead-in with no poll, or a clause with its own speech verb, to the verb ("In an email, X said")', () => {
    const text =
      'The race is close.\n\nIn the latest poll, Ana Ortiz said the count was wrong. In May, Tom Reyes led by six points.';
    expect(quotes(text).map((q) => q.cue)).toEqual(['said']);
  });

  it('reads no belief without "that" after a first person ("I think the dock ...")', () => {
    const text = 'The vote is near.\n\nI think the new dock will flood every winter.';
    expect(quotes(text).filter((q) => q.cue === 'think')).toEqual([]);
  });

  it('reads "state" as a cue only before "that" ("battleground states could decide")', () => {
    const text = 'The race is close.\n\nThe battleground states could decide the race for the harbour seat.';
    expect(quotes(text)).toEqual([]);
  });

  it('reads a plan, a search or an offer as a stance only before an infinitive', () => {
    const text = 'The race is close.\n\nAna Ortiz offered no details. Tom Reyes plans to run for the harbour seat.';
    expect(quotes(text).map((q) => q.text)).toEqual(['to run for the harbour seat']);
  });

  it('reads a fragment framed by a verb as a mixed quote', () => {
    const text =
      'The council met on Monday.\n\nAna Ortiz called the plan “a disaster for the harbour.” Nobody answered.';
    const q = find(text, 'a disaster');
    expect(q?.kind).toBe('mixed');
    expect(q?.speaker).toBe('Ana Ortiz');
    expect(q?.text).toBe('the plan “a disaster for the harbour.”');
  });

  it('never throws on random text with quote marks, and every quote is its exact slice', () => {
    const piece = fc.constantFrom(
      '“',
      '”',
      '"',
      "'",
      '‘',
      '’',
      '«',
      '»',
      ', ',
      '. ',
      '\n\n',
      ' said ',
      ' he ',
      'Ana Ortiz',
      ' that ',
      ':',
    );
    const text = fc
      .array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 80 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        for (const q of quotes(t)) expect(q.text).toBe(t.slice(q.start, q.end));
      }),
      { numRuns: 300 },
    );
  });

  it('stays linear on a long article', () => {
    const unit = 'Ana Ortiz said the bridge is late. “It is,” she said, “and costly.”\n\n';
    const time = (n: number) => {
      const t = unit.repeat(n);
      const t0 = performance.now();
      quotes(t);
      return performance.now() - t0;
    };
    time(200);
    const small = Math.max(time(500), 1);
    const large = time(4000);
    expect(large / small).toBeLessThan(8 * 3);
  });

  it('never throws and keeps offsets exact on odd input', () => {
    const inputs = ['', '“', '”', '"""', '“a” ” “', 'said said said', '\u0000\uffff“x,” he said', 'x'.repeat(100_000)];
    for (const input of inputs) {
      for (const q of quotes(input)) expect(q.text).toBe(input.slice(q.start, q.end));
    }
  });
});
