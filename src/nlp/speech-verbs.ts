// Lexicons for attribution: speech verbs in every inflection, pronouns and source descriptions.

/** Regular speech/report verbs by base form; inflections are generated below. */
const REGULAR = [
  'chant',
  'acknowledge',
  'add',
  'admit',
  'advise',
  'affirm',
  'agree',
  'allege',
  'announce',
  'answer',
  'argue',
  'assert',
  'assure',
  'boast',
  'brag',
  'caution',
  'charge',
  'chide',
  'claim',
  'comment',
  'complain',
  'concede',
  'conclude',
  'confirm',
  'contend',
  'continue',
  'counter',
  'declare',
  'deny',
  'detail',
  'disclose',
  'emphasize',
  'emphasise',
  'estimate',
  'explain',
  'exclaim',
  'insist',
  'joke',
  'lament',
  'maintain',
  'mention',
  'muse',
  'note',
  'observe',
  'opine',
  'point out',
  'predict',
  'proclaim',
  'promise',
  'quip',
  'recall',
  'recount',
  'remark',
  'reply',
  'report',
  'reveal',
  'repeat',
  'respond',
  'retort',
  'scoff',
  'scream',
  'shout',
  'snap',
  'state',
  'stress',
  'suggest',
  'testify',
  'tweet',
  'urge',
  'vow',
  'warn',
  'whisper',
  'wonder',
  'yell',
  'ask',
  'explain',
  'posit',
  'post',
  'pledge',
  'demand',
  'inform',
  'plead',
  'question',
  'reckon',
  'recollect',
  'reiterate',
  'relate',
  'reassure',
  'specify',
  'underscore',
  'grumble',
  'mutter',
  'sigh',
  'beam',
  'boom',
  'cry',
  'worry',
  'fear',
  'bark',
  'gush',
  'growl',
  'laugh',
  'marvel',
  'chime',
  'interject',
  'interrupt',
  'demur',
  'concur',
  'crow',
  'rail',
  'hedge',
  'intimate',
  'order',
  'rule',
  'emphasise',
];

/** Irregular forms: base -> [3rd person, past, participle, gerund]. */
/** Verbs of thought and evidence: cues only before a that-clause ("a poll found that ..."). */
const COGNITIVE = [
  'believe',
  'find',
  'show',
  'hope',
  'expect',
  'agree',
  'learn',
  'realize',
  'recognize',
  'doubt',
  'indicate',
  'assume',
  'decide',
  'discover',
  'determine',
  'prove',
  'signal',
  'suspect',
  'insinuate',
  'imply',
];

const IRREGULAR: Record<string, string[]> = {
  say: ['says', 'said', 'said', 'saying'],
  tell: ['tells', 'told', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  think: ['thinks', 'thought', 'thought', 'thinking'],
  hold: ['holds', 'held', 'held', 'holding'],
  forecast: ['forecasts', 'forecast', 'forecast', 'forecasting'],
  find: ['finds', 'found', 'found', 'finding'],
  show: ['shows', 'showed', 'shown', 'showing'],
  learn: ['learns', 'learned', 'learned', 'learning'],
  prove: ['proves', 'proved', 'proven', 'proving'],
  sing: ['sings', 'sang', 'sung', 'singing'],
};

function inflect(base: string): string[] {
  const irregular = IRREGULAR[base];
  if (irregular) return [base, ...irregular];
  const parts = base.split(' ');
  const head = parts[0] ?? base;
  const tail = parts.slice(1).join(' ');
  const join = (w: string) => (tail ? `${w} ${tail}` : w);
  let third = `${head}s`;
  let past = `${head}ed`;
  let ger = `${head}ing`;
  if (/(s|sh|ch|x|z)$/.test(head)) third = `${head}es`;
  if (/[^aeiou]y$/.test(head)) {
    third = `${head.slice(0, -1)}ies`;
    past = `${head.slice(0, -1)}ied`;
  }
  if (head.endsWith('e')) {
    past = `${head}d`;
    ger = `${head.slice(0, -1)}ing`;
  }
  if (/^(quip|snap|admit|chat)$/.test(head)) {
    past = `${head}${head.slice(-1)}ed`;
    ger = `${head}${head.slice(-1)}ing`;
  }
  return [base, join(third), join(past), join(ger)];
}

/** Verbs that frame a quoted fragment without reporting speech ("called Trump “unhinged”"). */
export const FRAMING_VERBS: ReadonlySet<string> = (() => {
  const bases = [
    'call',
    'describe',
    'label',
    'dub',
    'term',
    'brand',
    'dismiss',
    'refer',
    'deride',
    'praise',
    'slam',
    'blast',
    'pledge',
    'vow',
    'promise',
    'urge',
    'accuse',
    'condemn',
    'criticize',
    'characterize',
    'hail',
    'offer',
    'echo',
    'quote',
    'cite',
    'decry',
    'denounce',
    'mock',
    'tout',
    'coin',
    'reject',
    'blame',
    'thank',
    'chant',
    'predict',
    'express',
    'declare',
    'vow',
  ];
  const m = new Set<string>();
  for (const b of bases) for (const f of inflect(b)) m.add(f);
  m.add('referred');
  m.add('referring');
  return m;
})();

/** Verbs of stance toward an object: "X endorsed Y", "X declined to comment" (attributed, not quoted). */
export const STANCE_VERBS: ReadonlySet<string> = (() => {
  const bases = [
    'criticize',
    'endorse',
    'support',
    'oppose',
    'praise',
    'want',
    'reject',
    'accuse',
    'blame',
    'welcome',
    'defend',
    'condemn',
    'attack',
    'slam',
    'dismiss',
    'back',
    'seek',
    'plan',
    'refuse',
    'decline',
    'propose',
    'offer',
    'applaud',
    'mock',
    'ridicule',
    'decry',
    'denounce',
    'fault',
    'challenge',
    'dispute',
    'embrace',
    'favor',
    'prefer',
    'hail',
    'lambaste',
    'blast',
    'tout',
    'describe',
    'outline',
    'cite',
    'discuss',
    'echo',
  ];
  const m = new Set<string>();
  for (const b of bases) for (const f of inflect(b)) if (!f.includes(' ')) m.add(f);
  m.add('sought');
  // "back" is mostly an adverb ("is back to ..."): only its verb forms count.
  m.delete('back');
  m.delete('backing');
  return m;
})();

/**
 * Verbs that take a stance only with their particle ("called for a ban", "called on him to quit",
 * "pushed for a vote"): each form with the particles that make it one; the object follows the particle.
 */
export const STANCE_PARTICLES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const m = new Map<string, ReadonlySet<string>>();
  for (const [base, particles] of [
    ['call', ['for', 'on']],
    ['push', ['for']],
    ['refer', ['to']],
    ['talk', ['about']],
    ['write', ['about']],
    ['joke', ['about']],
    ['ask', ['for']],
    ['comment', ['on']],
    ['agree', ['with']],
    ['worry', ['about']],
    ['spar', ['over']],
    ['point', ['to']],
  ] as const) {
    for (const f of inflect(base)) m.set(f, new Set(particles));
  }
  // Doubled consonants the regular inflection misses.
  for (const f of ['referred', 'referring']) m.set(f, new Set(['to']));
  for (const f of ['sparred', 'sparring']) m.set(f, new Set(['over']));
  return m;
})();

/**
 * Verbs of commitment and pressure whose object is a plan ("vowed to block the nominee", "urged the
 * board to resign"): read as stances, the infinitive (or the person urged and the infinitive) is the object.
 */
export const COMMITMENT_VERBS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const base of ['pledge', 'vow', 'promise', 'threaten', 'agree', 'hope', 'urge']) {
    for (const f of inflect(base)) m.set(f, base);
  }
  return m;
})();

/**
 * Weak verbs of belief and expectation that report a clause without "that" when the clause opens with
 * its own subject ("Democrats believe the pressure will grow"). The cue stays weak: a belief, not words said.
 */
export const BELIEF_VERBS: ReadonlySet<string> = new Set([
  'believe',
  'think',
  'fear',
  'hope',
  'expect',
  'worry',
  'suspect',
  'doubt',
  'assume',
]);

/** Single-word speech verb forms -> base form. */
export const SPEECH_VERBS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const base of [...REGULAR, ...COGNITIVE, ...Object.keys(IRREGULAR)]) {
    for (const form of inflect(base)) if (!form.includes(' ')) m.set(form, base);
  }
  // "point out" is matched as "pointed" + "out" by the caller; keep the head form.
  for (const f of ['point', 'points', 'pointed', 'pointing']) m.set(f, 'point out');
  return m;
})();

/** Verbs that introduce reported speech only with a "that"-clause or a quote (weak cues). */
export const WEAK_VERBS: ReadonlySet<string> = new Set([
  ...COGNITIVE,
  // Lyrics and chants are quoted; "sang the anthem" reports no speech.
  'sing',
  'chant',
  'intimate',
  'order',
  'rule',
  'bark',
  'gush',
  'growl',
  'laugh',
  'marvel',
  'chime',
  'interject',
  'interrupt',
  'think',
  'fear',
  'worry',
  'hold',
  'continue',
  'question',
  'wonder',
  'post',
  'demand',
  'promise',
  'urge',
  'plead',
  'relate',
  'maintain',
  'charge',
  'counter',
  'answer',
  'ask',
  'point out',
  'beam',
  'boom',
  'cry',
  'snap',
  'sigh',
  'estimate',
  'forecast',
  'speak',
  'inform',
  'reassure',
  'comment',
  'complain',
  'mention',
  'report',
  'repeat',
  'recollect',
  'joke',
  'posit',
  'specify',
  // "battleground states could decide", "state regulators": mostly a noun, a cue only before "that".
  'state',
]);

/** Verbs that take the addressee as object before the clause ("told CNN that"). */
export const ADDRESSEE_VERBS: ReadonlySet<string> = new Set(['tell', 'inform', 'assure', 'reassure', 'warn', 'remind']);

/** Words that may sit between a subject and its verb ("also said", "has said"). */
export const VERB_PREFIX: ReadonlySet<string> = new Set([
  'also',
  'later',
  'then',
  'has',
  'have',
  'had',
  'will',
  'would',
  'previously',
  'recently',
  'once',
  'reportedly',
  'repeatedly',
  'often',
  'first',
  'further',
  'again',
  'publicly',
  'privately',
  'frequently',
  'flatly',
  'simply',
  'even',
  'subsequently',
  'earlier',
  'now',
  'still',
  'never',
  'only',
  'just',
  'quickly',
  'bluntly',
  'openly',
  'angrily',
  'defiantly',
  'firmly',
  'bluntly',
  'separately',
  'finally',
  'famously',
  'did',
  'does',
  'do',
  'is',
  'was',
  'were',
  'are',
  'been',
]);

export type Gender = 'male' | 'female' | 'plural' | 'neuter';

/** Personal pronouns that can be speakers, with what they refer to. */
export const SUBJECT_PRONOUNS: ReadonlyMap<string, Gender | 'first' | 'second'> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['they', 'plural'],
  ['it', 'neuter'],
  ['i', 'first'],
  ['we', 'first'],
  ['you', 'second'],
]);

function withPlurals(nouns: string[]): Set<string> {
  const out = new Set(nouns);
  for (const n of nouns) if (!n.endsWith('s')) out.add(n.endsWith('y') ? `${n.slice(0, -1)}ies` : `${n}s`);
  return out;
}

/** Documents, polls and counts: sources that show or find rather than say. */
export const DOCUMENT_NOUNS: ReadonlySet<string> = withPlurals([
  'poll',
  'polling',
  'survey',
  'study',
  'report',
  'record',
  'data',
  'result',
  'filing',
  'figure',
  'analysis',
  'review',
  'research',
  'finding',
  'video',
  'footage',
  'document',
  'email',
  'tally',
  'average',
  'estimate',
  'audit',
  'investigation',
  'inquiry',
  'probe',
  'census',
]);

/** Nouns that head an anonymous or descriptive source ("a senior official", "the newspaper"). */
export const SOURCE_NOUNS: ReadonlySet<string> = withPlurals([
  'official',
  'officials',
  'source',
  'sources',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'aide',
  'aides',
  'adviser',
  'advisers',
  'advisor',
  'advisors',
  'newspaper',
  'paper',
  'report',
  'statement',
  'analyst',
  'analysts',
  'expert',
  'experts',
  'people',
  'person',
  'observers',
  'critics',
  'supporters',
  'diplomat',
  'diplomats',
  'lawmaker',
  'lawmakers',
  'senator',
  'senators',
  'agency',
  'campaign',
  'administration',
  'government',
  'ministry',
  'department',
  'committee',
  'court',
  'judge',
  'lawyer',
  'lawyers',
  'attorney',
  'attorneys',
  'prosecutors',
  'prosecutor',
  'police',
  'veterans',
  'veteran',
  'outlet',
  'network',
  'poll',
  'survey',
  'study',
  'group',
  'organization',
  'president',
  'candidate',
  'nominee',
  'governor',
  'leader',
  'leaders',
  'members',
  'member',
  'residents',
  'voters',
  'democrats',
  'republicans',
  'authorities',
  'investigators',
  'witnesses',
  'friend',
  'friends',
  'researchers',
  'scientists',
  'economists',
  'documents',
  'emails',
  'letter',
  'memo',
  'ad',
  'commercial',
  'release',
  'tweet',
  'sign',
  'message',
  'headline',
  'candidate',
  'protester',
  'activist',
  'student',
  'worker',
  'owner',
  'resident',
  'participant',
  'delegate',
  'legislator',
  'representative',
  'spokesperson',
  'chairman',
  'director',
  'strategist',
  'pollster',
  'consultant',
  'historian',
  'professor',
  'economist',
  'scholar',
  'commentator',
  'insider',
  'donor',
  'ally',
  'rival',
  'opponent',
  'critic',
  'supporter',
  'american',
  'respondent',
  'article',
  'editorial',
  'website',
  'magazine',
  'journal',
]);

/**
 * Verbs of evidence: weak cues, but after a document or a poll ("a new poll shows Clinton ahead",
 * "the review found little") they report a finding without a "that".
 */
export const EVIDENCE_VERBS: ReadonlySet<string> = new Set(['show', 'find', 'indicate', 'suggest', 'reveal', 'prove']);

/** First names used to guess a person's gender when no pronoun or title settles it. */
export const MALE_NAMES: ReadonlySet<string> = new Set(
  'john james robert michael william david richard joseph thomas charles donald mark paul george kenneth steven edward brian ronald anthony kevin jason matthew gary timothy jose larry jeffrey frank scott eric stephen andrew raymond gregory joshua jerry dennis walter patrick peter harold douglas henry carl arthur ryan roger joe juan jack albert jonathan justin terry gerald keith samuel willie ralph lawrence nicholas roy benjamin bruce brandon adam harry fred wayne billy steve louis jeremy aaron randy howard eugene carlos russell bobby victor martin ernest phillip todd jesse craig alan shawn clarence sean philip chris johnny earl jimmy antonio danny bryan tony luis mike stanley leonard nathan dale manuel rodney curtis norman allen marvin vincent glenn jeffery travis jeff chad jacob lee melvin alfred kyle francis bradley jesus herbert frederick ray joel edwin don eddie ricky troy randall barry alexander bernard mario leroy francisco marcus micheal theodore clifford miguel oscar jay jim tom calvin alex jon ronnie bill lloyd tommy leon derek warren darrell jerome floyd leo alvin tim wesley gordon dean greg jorge dustin pedro derrick dan lewis zachary corey herman maurice vernon roberto clyde glen hector shane ricardo sam rick lester brent ramon charlie tyler gilbert gene marc reginald ruben brett angel nathaniel rafael leslie edgar milton raul ben chester cecil duane franklin andre elmer brad gabriel ron mitchell roland arnold harvey jared adrian karl cory claude erik darryl jamie neil jessie christian javier fernando clinton ted mathew tyrone darren lonnie lance cody julio kelly kurt allan nelson guy clayton hugh max dwayne dwight armando felix jimmie everett jordan ian wallace ken bob jaime casey alfredo alberto dave ivan johnnie sidney byron julian isaac morris clifton willard daryl ross virgil andy marshall salvador perry kirk sergio marion tracy seth kent terrance rene eduardo terrence enrique freddie wade barack mitt newt marco rand ted bernie mitch reince rudy chuck vladimir xi kim jong boris emmanuel benjamin recep narendra justin rex mike rick lindsey jeb ben'.split(
    ' ',
  ),
);

export const FEMALE_NAMES: ReadonlySet<string> = new Set(
  'mary patricia linda barbara elizabeth jennifer maria susan margaret dorothy lisa nancy karen betty helen sandra donna carol ruth sharon michelle laura sarah kimberly deborah jessica shirley cynthia angela melissa brenda amy anna rebecca virginia kathleen pamela martha debra amanda stephanie carolyn christine marie janet catherine frances ann joyce diane alice julie heather teresa doris gloria evelyn jean cheryl mildred katherine joan ashley judith rose janice kelly nicole judy christina kathy theresa beverly denise tammy irene jane lori rachel marilyn andrea kathryn louise sara anne jacqueline wanda bonnie julia ruby lois tina phyllis norma paula diana annie lillian emily robin peggy crystal gladys rita dawn connie florence tracy edna tiffany carmen rosa cindy grace wendy victoria edith kim sherry sylvia josephine thelma shannon sheila ethel ellen elaine marjorie carrie charlotte monica esther pauline emma juanita anita rhonda hazel amber eva debbie april leslie clara lucille jamie joanne eleanor valerie danielle megan alicia suzanne michele gail bertha darlene veronica jill erin geraldine lauren cathy joann lorraine lynn sally regina erica beatrice dolores bernice audrey yvonne annette june samantha marion dana stacy ana renee ida vivian roberta holly brittany melanie loretta yolanda jeanette laurie katie kristen vanessa alma sue elsie beth jeanne hillary chelsea melania ivanka huma kellyanne sarah nikki condoleezza madeleine nancy elizabeth debbie donna kamala angela theresa marine ursula kristalina jill michelle'.split(
    ' ',
  ),
);
