import type { DangerKind } from './types';

/**
 * The curated lexicon. Patterns run on normalized clauses (see normalize.ts): lower-case words,
 * single spaces, contractions spelled out ("can not", "do not", "i am"), slang expanded.
 * Every pattern is bounded (no nested repetition), so matching stays linear on long messages.
 */
export interface DangerRule {
  /** Signal name, "<kind>.<what>"; shows up in Detection.signals and in tests, never in replies. */
  id: string;
  kind: Exclude<DangerKind, 'none'>;
  pattern: RegExp;
  /** A negation just before the match cancels it ("I am not suicidal"). False when the pattern holds its own negation. */
  negatable?: boolean;
  /** In a question asking for information ("can you overdose on kratom?"): drop it, or only check in gently. */
  inQuestion?: 'drop' | 'ambiguous';
  /** A goodbye or "I'm done" that may be said to kratom: dropped when the message names kratom, a dose or quitting. */
  objectMayBeKratom?: boolean;
  /** Rule ids this rule overrides in the same clause (intent beats a bare topic word). */
  suppresses?: string[];
}

/** A message-level rule: fires when every part is found somewhere in the message (not negated, not long ago). */
export interface ComboRule {
  id: string;
  kind: Exclude<DangerKind, 'none'>;
  parts: RegExp[];
}

const PERSON =
  '(?:he|she|they|him|her|them|someone|somebody|(?:my |our |the )?(?:friend|boyfriend|girlfriend|husband|wife|partner|son|daughter|kid|child|mom|mother|dad|father|brother|sister|roommate|buddy|cousin|uncle|aunt|baby|toddler|fiance|fiancee|grandma|grandpa|coworker|neighbor|guy|girl|man|woman))';
const DEPRESSANT =
  '(?:xanax|benzo|benzos|benzodiazepines?|valium|klonopin|ativan|alprazolam|clonazepam|diazepam|lorazepam|alcohol|booze|beers?|wine|vodka|whiskey|liquor|drinks|drank|drunk|drinking|oxy|oxys|oxycodone|oxycontin|percocet|percs|vicodin|hydrocodone|morphine|heroin|fentanyl|opioids?|opiates?|methadone|tramadol|codeine|dilaudid|suboxone|gabapentin|neurontin|lyrica|pregabalin|phenibut|sleeping pills?|ambien|zolpidem|lean|klonopins|xanaxes|bars)';
const KRATOM = '(?:kratom|sevenoh|extracts?|leaf|mitragynine|kratom shots?|extract shots?|capsules|powder)';

const r = (source: string): RegExp => new RegExp(source);

export const RULES: DangerRule[] = [
  // Medical emergencies: call 911 now.
  {
    id: 'medical.cantBreathe',
    kind: 'medical',
    negatable: false,
    pattern: r(
      `\\b(?:can not|can barely|could not|unable to|hard to|hurts to|struggling to|trouble|difficulty|problems|having trouble) (?:to )?(?:breathe|breath|breathing|get (?:enough )?air|catch my breath)\\b`,
    ),
  },
  {
    id: 'medical.notBreathing',
    kind: 'medical',
    negatable: false,
    pattern:
      /\b(?:not|stopped|stops|stop|keeps stopping) breathing\b|\bbreathing (?:keeps |has |just )?(?:stopping|stops|stopped|pausing|pauses)\b|\b(?:gurgling|rattling|death rattle)\b/,
  },
  {
    id: 'medical.breathingWrong',
    kind: 'medical',
    pattern:
      /\bbreathing (?:is |feels |seems |looks |sounds |has been |got |went )?(?:really |so |very |super |kind of |too |getting )?(?:slow|slower|shallow|weird|strange|funny|labored|laboured|raspy|rattling|gurgling)\b|\b(?:slow|shallow) breathing\b|\bgasping\b|\bchoking\b/,
  },
  {
    id: 'medical.turningBlue',
    kind: 'medical',
    pattern: r(
      `\\b(?:lips|face|skin|fingers|fingertips|nails) (?:are |is |look |looks |turning |turned |going |gone |kind of |a bit |really |getting )*(?:blue|purple|grey|gray)\\b|\\bturning blue\\b|\\b${PERSON} (?:is |are |looks |look )?(?:turning |going )?(?:blue|purple)\\b`,
    ),
  },
  {
    id: 'medical.cantWakeSomeone',
    kind: 'medical',
    negatable: false,
    pattern: r(
      `\\b(?:can not|could not|unable to|trying to|tried to) (?:wake|rouse|get) (?:up )?${PERSON}(?: to wake)?\\b|\\b${PERSON} (?:will not|would not|is not|does not|did not|can not) (?:wake up|wake|respond|answer me)\\b|\\b${PERSON} (?:is |are )?(?:still )?(?:not|non) ?(?:responding|responsive)\\b|\\b${PERSON} (?:is |are )?(?:not|stopped) (?:moving|waking)\\b|\\bunresponsive\\b|\\bunconscious\\b`,
    ),
  },
  {
    id: 'medical.collapsed',
    kind: 'medical',
    pattern: r(
      `\\b(?:i|${PERSON}) (?:just |has |have )?collapsed\\b|\\b${PERSON} (?:just |has )?(?:passed out|fainted|blacked out)\\b`,
    ),
  },
  {
    id: 'medical.seizure',
    kind: 'medical',
    pattern:
      /\b(?:having|had|has|have|is having|going into|went into) (?:a |another |some )?(?:seizure|seizures|fit|convulsion|convulsions)\b|\b(?:seizing|convulsing)\b/,
  },
  {
    id: 'medical.seizureMention',
    kind: 'medical',
    inQuestion: 'drop',
    pattern: /\b(?:seizure|seizures|convulsions?)\b/,
  },
  {
    id: 'medical.chestPain',
    kind: 'medical',
    inQuestion: 'drop',
    pattern:
      /\bchest (?:pain|pains|hurts|is hurting|tightness|is tight|feels tight|pressure|is crushing|feels heavy|is killing me)\b|\bchest (?:is |feels )?(?:so |really |very |super )?(?:tight|heavy)\b|\bpain in my chest\b|\btight chest\b/,
  },
  {
    id: 'medical.heart',
    kind: 'medical',
    inQuestion: 'drop',
    pattern:
      /\bheart attack\b|\bheart (?:has |just )?(?:stopped|is stopping|stopping)\b|\bsomething (?:is )?(?:really |very |seriously )?wrong with (?:my|his|her) (?:heart|breathing|chest)\b/,
  },
  { id: 'medical.overdosing', kind: 'medical', pattern: /\boverdosing\b|\boverdosed\b/ },
  { id: 'medical.overdoseMention', kind: 'medical', inQuestion: 'drop', pattern: /\boverdose\b/ },
  {
    id: 'medical.tookTooMuch',
    kind: 'medical',
    pattern:
      /\b(?:took|taken|used|dosed|swallowed) (?:way |far |a lot |a bit |much )?(?:too|to|2) (?:much|many)\b|\b(?:had|did|done|taking) (?:way |far )?(?:too|to|2) (?:much|many) (?:kratom|pills|extract|extracts|shots|sevenoh|capsules|of (?:it|my|the|that))\b/,
  },
  {
    id: 'medical.tookAllPills',
    kind: 'medical',
    pattern:
      /\b(?:took|swallowed|taken|ate|downed) (?:all|a whole bottle|the whole bottle|a bottle|a bunch|a handful|handfuls|a lot) (?:of )?(?:my |the |his |her |their )?(?:pills|meds|medication|medicine|tablets|capsules|bottle)\b/,
  },
  {
    id: 'medical.childSwallowed',
    kind: 'medical',
    pattern: r(
      `\\b(?:kid|kids|child|son|daughter|toddler|baby|dog|cat|puppy|grandson|granddaughter)\\b.{0,40}\\b(?:ate|swallowed|got into|has eaten|chewed|drank)\\b.{0,30}\\b(?:kratom|pills|capsules|caps|extract|powder|tablets|meds|sevenoh|shot|shots)\\b`,
    ),
  },
  {
    id: 'medical.vomitingBlood',
    kind: 'medical',
    pattern:
      /\b(?:vomiting|throwing up|puking|coughing up|threw up|vomited|puked|coughed up) blood\b|\bblood in (?:my |the )?(?:vomit|puke)\b/,
  },
  {
    id: 'medical.callForHelp',
    kind: 'medical',
    pattern:
      /\b(?:need|call|calling|get|send|called) (?:an |the )?(?:ambulance|paramedics|911)\b|\bthis is an emergency\b|\bmedical emergency\b/,
  },

  // Thoughts of suicide or self-harm: 988.
  {
    id: 'suicide.killMyself',
    kind: 'suicide',
    pattern:
      /\b(?:kill|killing|killed|end|ending|ended|off|offing|shoot|shooting|hang|hanging|drown|drowning|poison|poisoning|stab|stabbing) myself\b/,
  },
  {
    id: 'suicide.endMyLife',
    kind: 'suicide',
    pattern: /\b(?:take|taking|took|end|ending|ended) my (?:own )?life\b(?! back)/,
  },
  { id: 'suicide.suicideWord', kind: 'suicide', inQuestion: 'ambiguous', pattern: /\bsuicid(?:e|al|ally)\b/ },
  {
    id: 'suicide.lossBySuicide',
    kind: 'ambiguous',
    pattern: /\b(?:died by|died of|committed|lost (?:him|her|them|my \w+) to|death by) suicide\b/,
    suppresses: ['suicide.suicideWord'],
  },
  {
    id: 'suicide.wantToDie',
    kind: 'suicide',
    pattern:
      /\b(?:want|wanted|wanting|wish|wishing|ready|going|need|deserve|deserved|hope|hoping|praying|longing|trying|tried) (?:to|2) die\b|\bwant (?:to|2) be dead\b|\b(?:rather|better off|rather just) (?:be )?dead\b/,
  },
  {
    id: 'suicide.wishDead',
    kind: 'suicide',
    pattern:
      /\b(?:wish|wished|wishing) (?:i|that i) (?:was|were|had|could|would) (?:just )?(?:dead|die|died|never been born|not exist|disappear forever)\b|\bwish i (?:had )?never (?:been born|woke up)\b/,
  },
  {
    id: 'suicide.notWantToLive',
    kind: 'suicide',
    negatable: false,
    pattern:
      /\b(?:do not|not|never|no longer) (?:want|wish) (?:to|2) (?:live|be alive|exist|keep living|go on living|stay alive|keep going|be here anymore|wake up(?: again| tomorrow| ever)?$)/,
  },
  {
    id: 'suicide.neverWakeUp',
    kind: 'suicide',
    pattern:
      /\b(?:sleep|go to sleep|fall asleep|close my eyes) and (?:never|not) wake up\b|\b(?:hope|hoping|pray|praying|wish) (?:that )?i (?:do not|will not|never|would not|would never|could never|did not) wake up\b|\bnever wake up again\b/,
  },
  {
    id: 'suicide.betterOffWithoutMe',
    kind: 'suicide',
    pattern:
      /\bbetter (?:off )?without me\b|\bbetter off if i (?:was|were|am|died|disappeared|left|was not here|were not here)\b|\b(?:better|happier|easier) (?:off )?(?:if|when) i (?:was|were|am|was just|were just) (?:dead|gone)\b|\b(?:want|wish|going) to (?:go to )?sleep forever\b/,
  },
  {
    id: 'suicide.noReasonToLive',
    kind: 'suicide',
    negatable: false,
    pattern:
      /\bno (?:reason|point|purpose) (?:for me )?(?:in |to )?(?:live|living|keep living|go on living|be alive|being alive|stay alive)\b|\b(?:nothing|no one|nobody|noone) (?:left )?to live for\b|\b(?:see|have|find|got) (?:any|a|no) reason (?:to|for me to) (?:live|keep living|go on|go on living|be alive|stay alive)\b|\b(?:life|living) is (?:not|no longer) worth (?:living|it)\b/,
  },
  {
    id: 'suicide.stopExisting',
    kind: 'suicide',
    negatable: false,
    pattern: /\b(?:stop|quit|not|cease) (?:existing|exist)\b|\btired of (?:living|being alive|existing|life)\b/,
  },
  {
    id: 'suicide.notAroundLong',
    kind: 'suicide',
    negatable: false,
    pattern:
      /\b(?:will not|not going to|do not see myself|can not see myself|not) (?:be |being )?(?:around|here|alive|a problem for anyone|a burden for anyone|a burden to anyone) (?:much longer|for long|for much longer|anymore|by (?:tomorrow|next week))\b|\b(?:stockpiling|stockpiled|stockpile) (?:my |some |up )?(?:pills|meds|medication)\b|\b(?:saving|saved) up (?:my )?(?:pills|meds)\b/,
  },
  {
    id: 'suicide.searchingMethods',
    kind: 'suicide',
    pattern:
      /\b(?:looking up|looked up|searching|searched|googling|googled|researching|researched|reading about) (?:ways|how|methods) (?:to|2) (?:die|kill myself|end it|end my life|overdose)\b/,
  },
  {
    id: 'suicide.goodbye',
    kind: 'suicide',
    objectMayBeKratom: true,
    pattern:
      /\b(?:goodbye|suicide|farewell) (?:letters?|notes?|messages?)\b|\bwriting (?:my )?(?:goodbye|last) (?:letters?|notes?)\b|\bthis is (?:my )?goodbye\b/,
  },
  {
    id: 'suicide.endItAll',
    kind: 'suicide',
    pattern: /\bend(?:ing)? it all\b|\bend(?:ing)? it (?:tonight|today|now|soon)\b/,
  },
  {
    id: 'suicide.intentToOverdose',
    kind: 'suicide',
    pattern:
      /\boverdose (?:on purpose|intentionally|deliberately)\b|\b(?:going to|want to|will|plan to|planning to|thinking about|thinking of|about to) (?:overdose|take all my pills|take all my meds|swallow all my pills)\b|\b(?:take|taking|swallow|swallowing) (?:all|a whole bottle|the whole bottle) (?:of )?my (?:pills|meds)\b/,
    suppresses: ['medical.overdoseMention'],
  },
  {
    id: 'suicide.careIfIDie',
    kind: 'suicide',
    negatable: false,
    pattern: /\b(?:do not|no longer|not) care (?:if i (?:live|die|wake up)|whether i (?:live|die))\b/,
  },
  {
    id: 'suicide.selfHarm',
    kind: 'suicide',
    pattern:
      /\bself harm(?:ing)?\b|\b(?:cutting|burning|hurting|harming) myself\b|\b(?:want|wanted|wanting|going|need|urge|urges|feel like|tempted|thinking about|thinking of) (?:to )?(?:hurt|harm|cut|burn|hurting|harming|cutting|burning) myself\b|\b(?:hurt|harm|cut|burn) myself (?:on purpose|again|deliberately)\b/,
  },
  {
    id: 'suicide.someoneElse',
    kind: 'suicide',
    pattern:
      /\b(?:kill|killing|hurt|hurting|end|ending) (?:himself|herself|themselves|themself)\b|\bend(?:ing)? (?:his|her|their) (?:own )?life\b/,
  },

  // Words that could mean danger or could be venting: check in gently.
  {
    id: 'ambiguous.cantGoOn',
    kind: 'ambiguous',
    negatable: false,
    pattern:
      /\bcan not (?:do|take|handle|stand|bear|deal with|cope with|keep doing) (?:this|it|that|any of this|this life|life)(?: anymore| no more| much longer| any longer)\b|\bcan not (?:go on|keep going|keep fighting|keep living|live like this|keep this up)\b/,
  },
  {
    id: 'ambiguous.whatsThePoint',
    kind: 'ambiguous',
    pattern:
      /\bwhat is (?:even )?the point(?: (?:of|in) (?:it|this|that|any of this|anything|trying|even trying|going on|living|life|fighting|doing this))?(?: anymore)?$|\b(?:there is )?no point (?:in )?(?:anything|trying|going on|anymore)\b/,
  },
  {
    id: 'ambiguous.giveUp',
    kind: 'ambiguous',
    pattern:
      /\bi (?:just |am going to |am about to |am ready to |want to )?(?:give up|am giving up)(?: on (?:everything|myself|it all|life))?$/,
  },
  { id: 'ambiguous.killingMe', kind: 'ambiguous', pattern: /\bkill(?:ing)? me\b/ },
  {
    id: 'ambiguous.dying',
    kind: 'ambiguous',
    pattern:
      /\b(?:i am|i think i am|feel like i am|feels like i am|i am literally|i am actually) dying\b(?! (?:to|for|of laughter|laughing))/,
  },
  {
    id: 'ambiguous.wantItToStop',
    kind: 'ambiguous',
    pattern:
      /\b(?:want|need|wish) (?:it|this|everything|the pain|all of this|it all)(?: all)? (?:to|2) (?:stop|end|be over)\b|\bmake (?:it|this|the pain|everything) stop\b/,
  },
  { id: 'ambiguous.hopeless', kind: 'ambiguous', pattern: /\b(?:hopeless|no hope|lost all hope|lost hope)\b/ },
  {
    id: 'ambiguous.trapped',
    kind: 'ambiguous',
    negatable: false,
    pattern: /\bno way out\b|\b(?:feel|am|feeling) trapped\b|\b(?:can not|do not) see (?:a|any) way (?:out|forward)\b/,
  },
  {
    id: 'ambiguous.burden',
    kind: 'ambiguous',
    pattern: /\b(?:i am|feel like|i am just|i am such) (?:a |such a |just a |nothing but a )?burden\b/,
  },
  {
    id: 'ambiguous.disappear',
    kind: 'ambiguous',
    pattern:
      /\b(?:want|wish|going) (?:to|2|i could) (?:just )?disappear\b|\b(?:if|when) i (?:disappeared|was gone|were gone|vanished)\b|\b(?:nobody|no one) (?:would|will) (?:even )?(?:care|notice|miss me)\b/,
  },
  {
    id: 'ambiguous.doneWithEverything',
    kind: 'ambiguous',
    objectMayBeKratom: true,
    pattern:
      /\b(?:i am|i am so|i am just|i am completely|i am totally) done(?: with (?:everything|it all|all of it|life|this life|living))?$/,
  },
  {
    id: 'ambiguous.tiredOfFighting',
    kind: 'ambiguous',
    pattern: /\btired of (?:fighting|everything|trying|it all)\b|\bsleep forever\b|\bend (?:things|everything)\b/,
  },
  {
    id: 'ambiguous.howMuchLonger',
    kind: 'ambiguous',
    pattern:
      /\bhow (?:much )?long(?:er)? (?:i can|can i|i am going to be able to) (?:do this|take this|take it|keep going|go on|keep this up|last)\b|\bnothing matters(?: anymore)?\b|\bend of my rope\b|\bat my wits end\b|\bmade (?:my )?peace\b|\b(?:do not|no longer) care (?:what happens to me|about anything|about myself)\b/,
  },
  {
    id: 'ambiguous.notWantToBeHere',
    kind: 'ambiguous',
    negatable: false,
    pattern: /\b(?:do not|not) want to be here\b/,
  },

  // Severe withdrawal warning signs: get care today.
  {
    id: 'severeWithdrawal.cantKeepDown',
    kind: 'severeWithdrawal',
    negatable: false,
    pattern:
      /\b(?:can not|could not|unable to|can barely|not able to) (?:keep|hold) (?:anything|water|fluids|food|liquids|it|any food|any water|a thing) down\b/,
  },
  {
    id: 'severeWithdrawal.vomitingForDays',
    kind: 'severeWithdrawal',
    pattern:
      /\bcan not stop (?:vomiting|throwing up|puking|having diarrhea)\b|\b(?:can not|could not|have not been able to|unable to) (?:drink|eat|keep)\b.{0,30}\bwithout (?:puking|throwing up|vomiting|being sick)\b|\b(?:throwing up|vomiting|puking|diarrhea|the runs)\b.{0,30}\b(?:for (?:\d+|two|three|four|five|six|several|a few|a couple|a couple of|many|over a|over \d+) days?|all (?:day|night)|nonstop|non stop|constantly|every hour|since yesterday)\b|\beverything (?:that )?i (?:eat|drink)(?: (?:and|or) (?:eat|drink))? (?:comes|is coming) (?:right )?back up\b/,
  },
  {
    id: 'severeWithdrawal.hallucinating',
    kind: 'severeWithdrawal',
    inQuestion: 'drop',
    pattern:
      /\bhall?ucinat\w*|\b(?:seeing|hearing) (?:things|voices|bugs|shadows)\b|\bhearing voices\b|\b(?:seeing|see|saw|hearing|hear|heard)\b.{0,30}\bthat (?:are not|is not|were not|was not) (?:really )?(?:there|real)\b|\b(?:things|people|bugs|stuff|spiders|voices) that (?:are not|is not) (?:really )?(?:there|real)\b/,
  },
  {
    id: 'severeWithdrawal.confused',
    kind: 'severeWithdrawal',
    negatable: false,
    pattern:
      /\b(?:do not|can not) (?:know|tell|remember) where i am\b|\b(?:really|so|very|super|totally) (?:confused|disoriented)\b|\bdisoriented\b/,
  },
  {
    id: 'severeWithdrawal.heartRacing',
    kind: 'severeWithdrawal',
    pattern:
      /\bheart (?:is |keeps )?skipping (?:beats|a beat)\b.{0,30}\b(?:all day|all night|for hours|nonstop)\b|\bheart\b.{0,40}\b(?:racing|pounding|beating)\b.{0,40}\b(?:will not slow|would not slow|not slowing|for hours|all day|all night|nonstop|non stop|out of my chest|so fast|too fast|really fast|so hard)\b|\bheart (?:is )?(?:going to|about to) (?:beat|pound|jump|explode) out\b/,
  },
  {
    id: 'severeWithdrawal.fever',
    kind: 'severeWithdrawal',
    pattern: /\b(?:fever|temp|temperature)\b.{0,15}\b(?:10[2-9]|39|4[0-2])\b|\bhigh fever\b/,
  },
  {
    id: 'severeWithdrawal.bloodPressure',
    kind: 'severeWithdrawal',
    pattern:
      /\bblood pressure\b.{0,15}\b(?:1[6-9]\d|2\d\d)\b|\bblood pressure (?:is |has been |was )?(?:really |very |so |super |dangerously )?(?:high|through the roof|sky high)\b/,
  },
  {
    id: 'severeWithdrawal.fainting',
    kind: 'severeWithdrawal',
    pattern:
      /\bi (?:just |keep |have been |kept |almost )?(?:fainted|fainting|passed out|passing out|blacked out|blacking out)\b(?! (?:on|in) (?:the|my) (?:couch|bed|sofa)| (?:at|by|around) \d| early| watching| last night)|\b(?:can not|can barely) stand up without\b|\b(?:feel like|going to|about to) (?:i am going to |i will )?(?:pass|faint) out\b|\bfeel (?:like )?(?:i am going to )?faint\b/,
  },
  {
    id: 'severeWithdrawal.dehydrated',
    kind: 'severeWithdrawal',
    negatable: false,
    pattern:
      /\b(?:have not|not|did not|can not) (?:peed|pee|urinated)\b|\b(?:pee|urine) is (?:really |very |so )?(?:dark|brown)\b|\b(?:severely|really|very|so) dehydrated\b/,
  },
  {
    id: 'severeWithdrawal.severeWords',
    kind: 'severeWithdrawal',
    inQuestion: 'drop',
    pattern: /\b(?:severe|extreme|unbearable|dangerous) (?:withdrawal|withdrawals)\b/,
  },
  {
    id: 'severeWithdrawal.shaking',
    kind: 'severeWithdrawal',
    pattern:
      /\bshaking (?:uncontrollably|so bad|so badly|badly|all over|nonstop|non stop)\b|\b(?:hands|body|legs) (?:will not|can not|would not) stop shaking\b|\buncontrollable shaking\b|\btremors?\b/,
  },
  {
    id: 'severeWithdrawal.stoppingDepressants',
    kind: 'severeWithdrawal',
    pattern: r(
      `\\b(?:quit|quitting|stopped|stopping|coming off|came off|detoxing|getting off|cold turkey)\\b.{0,40}\\b(?:alcohol|drinking|booze|benzos?|benzodiazepines?|xanax|klonopin|valium|ativan|alprazolam|clonazepam|diazepam|lorazepam|phenibut|gabapentin|lyrica|pregabalin)\\b`,
    ),
  },
];

export const COMBO_RULES: ComboRule[] = [
  {
    id: 'medical.depressantsAndUnwell',
    kind: 'medical',
    parts: [
      r(`\\b${DEPRESSANT}\\b`),
      r(`\\b(?:${KRATOM}|${DEPRESSANT})\\b.{0,80}\\b(?:${KRATOM}|${DEPRESSANT})\\b`),
      /\b(?:feel|feels|feeling|felt) (?:really |so |very |super |kind of |pretty |a bit |totally )?(?:wrong|weird|strange|off|bad|terrible|awful|sick|dizzy|funny|faint|out of it|like (?:i am )?(?:going to )?(?:pass|passing) out)\b|\b(?:can not|can barely|hard to|struggling to|could not) (?:stay awake|keep my eyes open|stand up|walk)\b|\bnodding (?:off|out)\b|\b(?:so|too|really|very|super) (?:sleepy|drowsy|out of it)\b|\bdrowsy\b|\beverything (?:feels|is|seems) (?:really |so |very )?(?:off|wrong|weird|strange)\b|\bpass(?:ing)? out\b|\bdizzy\b|\bconfused\b|\b(?:room|everything|head) (?:is )?spinning\b|\b(?:feel|feeling) (?:like )?(?:i am )?(?:fading|slipping away|going under)\b/,
    ],
  },
  {
    id: 'severeWithdrawal.pregnant',
    kind: 'severeWithdrawal',
    // A planning question is not a warning sign: only a stop that is causing symptoms now.
    parts: [
      /\b(?:pregnant|pregnancy)\b/,
      /\b(?:withdrawal|withdrawals|withdrawing|detox|detoxing|quit|stopped|cold turkey)\b/,
      /\b(?:going through|i am in|in (?:bad |full )?withdrawal|withdrawing|detoxing|cold turkey|stopped|bleeding|cramp\w*|contractions|vomiting|throwing up|shaking|fever|(?:really|very|so) sick|baby (?:is not|stopped) moving)\b/,
    ],
  },
];

/** Phrases that only sound like danger; removed before the rules run. */
export const IDIOMS: RegExp[] = [
  // A body part, a symptom or a wait as what "kills" me: a complaint, not a wish.
  /\b(?:rls|legs?|stomach|gut|guts|back|body|withdrawals?|wd|sweats|chills|cravings?|anxiety|insomnia|cramps|headache|suspense|waiting|the wait|heat|nerves|knees|joints) (?:\w+ )?(?:is |are |was |were )?(?:killing|killin|wan na kill|want to kill|trying to kill|gon na kill|wrecking) me\b/g,
  /\b(?:dying|dyin|dead) (?:on|in) the (?:toilet|loo|couch|bathroom)\b/g,
  /\b(?:would|could|d|i) (?:\w+ )?die for (?:a|an|some|good|my)\b/g,
  /\bdrop dead (?:gorgeous|beautiful|lovely|handsome)\b|\bdead man walking\b|\bbe the death of\b|\bdeath by \w+\b|\bkill(?:ing|ed)? two birds\b|\b(?:shoot|shooting|shot) myself in the foot\b|\bkilled it dead\b/g,
  /\bkill(?:ing|ed)? it\b/g,
  /\bkill(?:ing)? for (?:a|an|some|one)\b/g,
  /\bkill(?:ing|ed)? (?:time|the (?:craving|cravings|urge|urges|pain|habit|boredom|mood|vibe))\b/g,
  /\b(?:dying|died|die|dead) (?:to|for) (?:know|see|try|get|go|hear|find|tell|have|meet|sleep|eat|be)\b/g,
  /\bto die for\b/g,
  /\b(?:died|dying|die|dies) (?:down|off|laughing|of laughter|of embarrassment)\b/g,
  /\bdead (?:tired|serious|set|on|wrong|right|end|beat)\b/g,
  /\b(?:bored|scared|sick|worried|tickled|frightened|freezing|freaked) to death\b/g,
  /\bover my dead body\b/g,
  /\bcrawl (?:into|in) a hole and die\b/g,
  /\bkilling myself (?:with|at|over) (?:this|my|the|these) (?:workout|work|job|shifts?|hours|studying|homework|training|diet|routine|overtime)\b/g,
  /\b(?:sleep|nap) forever\b(?=.{0,40}\b(?:no sleep|not slept|have not slept|insomnia|nights? (?:of|without) sleep|hours of sleep|so tired|exhausted)\b)/g,
  /\b(?:phone|battery|laptop|car|bank account|wallet|plant|plants|tv|wifi|computer|charger|motivation|social life) (?:is |was )?(?:dying|dead|died)\b/g,
  /\b(?:want to|wanna) die (?:every time|whenever|when) (?:the |my |these |this )?(?:cramps|chills|sweats|rls|legs|cravings?|withdrawals?|nausea|headaches?|yawning)\b/g,
  /\b(?:basically|practically|half|pretty much) dead\b(?! inside)/g,
  /\b(?:is|are) (?:slowly|literally|really|so|just) (?:slowly )?killing me\b(?! (?:to|and i want))/g,
  /\bcould (?:sleep|nap) (?:forever|for a week|for days|for a year|for a hundred years|for \w+ years)\b/g,
  /\b(?:die|dying|dead|died) (?:of|from) (?:boredom|embarrassment|laughter|laughing|shame|cuteness|heat|hunger|thirst|exhaustion|the heat|the cold)\b/g,
  /\b(?:i would|id|i d) rather die than (?:call|text|see|go back|talk|work|sit|ask|wear|eat|admit|do|drive|pay|watch|listen|move|clean|go to|deal with my (?:ex|boss))\b/g,
  /\b(?:literally |actually |almost |nearly )?died (?:when|inside)\b/g,
  /\b(?:give|gives|gave|giving) (?:me|her|him|them|you|u|my \w+) a heart attack\b/g,
  /\b(?:die|dying|dead|death) (?:from|of|because of) (?:this|the|these|my|all this) (?:headache|pain|cramps|withdrawal|withdrawals|wd|cold|flu|heat|boredom|cravings?|legs|back|sweats|chills|rls|stomach|itch|itching|anxiety|yawning)\b/g,
  /\bbreathing (?:exercise|exercises|trick|tricks|technique|techniques|room|space)\b/g,
  /\b(?:can not|could not) breathe through (?:my|the) nose\b/g,
  /\bshoot myself in the foot\b/g,
  /\bheart (?:goes out|hurts for|breaks for|is broken)\b/g,
  /\bkilling me softly\b/g,
  /\b(?:back|legs|leg|feet|foot|knees|knee|neck|head|stomach|joints|muscles|arms|shoulders|body|hips|teeth|kids|boss|job|work|traffic) (?:is|are) (?:literally |really |so )?killing me\b/g,
  /\b(?:could not|can not) breathe (?:from|because of|for|with) (?:laughing|laughter|laughing so hard)\b|\blaughing so hard i (?:could not|can not) breathe\b/g,
  /\b(?:passed out|died|crashed|konked out|conked out) (?:on|in) (?:top of )?(?:the|my) (?:couch|bed|sofa|recliner|chair|covers|blankets)\b/g,
  // Deep sleep told as violence or death: "slept so hard", "woke up feeling like i'd been dead for a day".
  /\b(?:slept|sleeping|crashed) so hard\b|\b(?:feel|feels|feeling|felt) like i (?:had |would |would have )?been dead\b/g,
  /\b(?:laugh|laughing|bore|boring|scare|scaring|worry|worrying|love|loving|tickle|work|working|annoy|annoying|freeze|freezing)s? (?:me|you|u|him|her|them|us) to death\b/g,
  /\b(?:habits?|old habits|rumors?|traditions?|cravings?) (?:die|dies|died) (?:hard|down|off|out)\b|\bdie hard\b/g,
  /\bi am (?:so |totally |literally |absolutely |just )?dead (?:after|from|lol|haha|tired|on my feet)\b|\bi am (?:so |totally |literally )?dead$/g,
  /\bkill(?:ing|ed)? (?:off )?(?:this|my|the|that)(?: \w+)? (?:habit|addiction)\b/g,
  /\b(?:the |these |this |my |they |it |that )?(?:\w+ )?(?:is|are) (?:literally |really |so |just )?killing me\b(?! (?:to|and i want))/g,
  /\b(?:he|she|they|you|it|mom|dad|wife|husband|boss|\w+) (?:will|would|is going to|are going to|going to|gon na) (?:literally |actually )?kill me (?:if|when|for)\b/g,
  /\b(?:phone|battery|laptop|car|team|mower|tv|computer|charger) (?:is |was |just |finally |about to |going to )*(?:dead|die|died|dying)\b/g,
  /\b(?:legs|feet|arms|body|brain) (?:feel |felt |are |is )?dead\b/g,
  /\bdying (?:of|from) (?:boredom|embarrassment|laughter|heat|thirst)\b|\bdying (?:inside|over here)\b/g,
  /\bdead to the world\b|\bslept like the dead\b|\bdead asleep\b|\bsleep like the dead\b/g,
  /\bdying for (?:a|an|some|one)\b|\bdeath warmed over\b/g,
  /\b(?:this|that|it|the \w+|this \w+|these \w+) (?:is|are) (?:going to|gon na|trying to|about to) (?:be the death of|kill) me\b/g,
  /\b(?:die|kill) for (?:my|our|him|her|them|you|u)\b|\bdo or die\b|\bfeel(?:ing|s)? half dead\b|\b(?:head|face) hit (?:the|my) (?:pillow|bed|couch|sofa)\b/g,
  /\b(?:habit|addiction|craving|cravings|urge|urges|kratom|sevenoh|my use|dependence) (?:dies|died|is dead|will die|is dying|dying)\b/g,
  /\b(?:feel|feels|feeling|felt) like death\b|\b(?:cravings?|withdrawals?|wd|nights?|mornings?|days?|legs|rls|it) (?:is |are |was |were )?(?:pure |straight |absolute )?murder\b|\b(?:nearly|almost) had a heart attack when\b/g,
  /\brather die than (?:give up|go (?:to|back)|eat|wear|work|lose|miss|drink|sit)\b/g,
  /\b(?:death|end) of (?:me|him|her|them)\b/g,
  /\b(?:nearly|almost) (?:died|gave (?:me|him|her) a heart attack)\b|\bgave (?:me|him|her) a heart attack\b|(?<!\b(?:if|when|once|after|wish|hope) )\bi died\b(?= lol| haha|$)/g,
  /\bkilling myself laughing\b|\bbored i could die\b|\bcould die\b/g,
  // Everyday sayings with a body or a death in them: fright, worry, a trade, someone's anger.
  /\bjump(?:ed|ing|s)? (?:right )?out of (?:my|his|her|your) skin\b/g,
  /\b(?:worry|worried|worrying|stress|stressed|stressing|work|worked|working|fret|fretting) (?:myself|herself|himself|yourself|themselves) (?:sick|to death|into an early grave)\b/g,
  /\b(?:give|gave) (?:my|an|his|her) (?:right|left) (?:arm|leg)\b/g,
  /\bskin (?:me|him|her|you|us) alive\b/g,
  /\bhang(?:ing|in)? (?:tough|in there|out)\b/g,
  // A child's exposure imagined ahead ("what if my kid ever got into it"): planning, not a poisoning now.
  /\b(?:what if|in case|if ever) (?:my|a|the|our) (?:\w+ ){0,2}(?:ever |accidentally )?(?:got into|gets into|ate|eats|swallowed|swallows|drank|drinks)\b/g,
  // Death words that name a season, a mood or a thing: "the dead of winter", "dead inside from the 8am", "a suicide mission".
  /\bdead of (?:winter|night|summer)\b|\bdead inside from\b|\bdead (?:wo)?man walking\b|\bsleep of the dead\b|\bi am so dead\b(?= i | lol| haha|$)/g,
  /\bsuicide (?:prevention|awareness|statistics|stats|rates?|mission|squad|doors?)\b/g,
  /\b(?:just )?died (?:up there|on stage|out there|in (?:class|the meeting|my presentation))\b|\bdied (?:\w+ ){0,3}times in\b/g,
  /\b(?:could|should|wan na|want to) (?:just )?(?:shoot|kick|slap) myself for (?:forgetting|not|missing|losing|leaving|buying|letting)\b/g,
  /\b(?:rather|would not|will not|never) be caught dead\b|\bcaught dead\b/g,
  /\blaugh(?:ed|ing)? so hard\b.{0,50}\b(?:die|died|dying|dead)\b/g,
  /\b(?:backs?|necks?|knees?|feet|hips?|shoulders?|joints|hands|teeth|head|arthritis) (?:has |have )?been (?:killing|killin) me\b/g,
];

/** Context around a match. */
export const CONTEXT = {
  negators: new Set(['not', 'never', 'no', 'nor', 'nobody']),
  /** Words that may sit between a negation and what it negates ("not going to ...", "no thoughts of ..."). */
  bridges: new Set([
    'i',
    'am',
    'is',
    'are',
    'was',
    'were',
    'be',
    'been',
    'being',
    'do',
    'does',
    'did',
    'have',
    'has',
    'had',
    'will',
    'would',
    'going',
    'to',
    'want',
    'wanting',
    'wanted',
    'really',
    'actually',
    'ever',
    'even',
    'feeling',
    'feel',
    'felt',
    'thinking',
    'think',
    'thought',
    'thoughts',
    'planning',
    'plan',
    'about',
    'of',
    'trying',
    'like',
    'so',
    'that',
    'it',
    'all',
    'any',
    'currently',
    'right',
    'now',
    'honestly',
    'seriously',
    'just',
    'having',
    'a',
    'an',
    'the',
    'anymore',
    'ideas',
    'urges',
    'at',
  ]),
  distantPast:
    /\b(?:used to|(?:\d+|a|an|one|two|three|four|five|six|several|a few|few|couple|a couple|couple of|a couple of|many) (?:years?|yrs?|months?|mos) ago|(?:a )?long time ago|ages ago|(?:\d+|two|three|four|five|six|several|a few|many) weeks ago|last (?:year|month|summer|winter|spring|fall|autumn)|in the past|back (?:then|when|in)|when i was (?:young|younger|a kid|a teen|little|in)|years back|years ago|as a (?:kid|teen|teenager))\b/,
  recentPast:
    /\b(?:yesterday|last night|this morning|earlier today|earlier|(?:a|one|two|three|few|a few|couple|a couple of|\d+) days? ago|the other day|last week|last weekend|overnight)\b/,
  /** A question asking for information: starts like a question and says nothing about the person right now. */
  question:
    /^(?:can(?! not| barely| hardly| no longer)|could(?! not| barely| hardly)|does(?! not)|do(?! not)|is it|is (?!my |his |her |their |he |she |it )\w+(?: \w+)? (?:normal|common|dangerous|safe|a sign|bad|serious)|is there|are there|is kratom|what|how|why|when|which|should|would|will|tell me|explain|info|information)\b/,
  aboutMeNow:
    /\b(?:i am|i have|i feel|i took|i just|i think i|i mixed|i can not|my \w+ is|my \w+ are|he is|she is|they are)\b/,
  /** Said of the question just asked: it is happening now ("asking because i just did", "been 20 min"). */
  happeningNow:
    /\b(?:(?:it is|its|is|this is) happening(?: right)? now|happening (?:to me )?right now|(?:mine|she|he|they|i) just (?:did|took|ate|drank|swallowed)|asking because i (?:just )?did|(?:it has|it is|its|has) been (?:like |about )?(?:\d+|ten|fifteen|twenty|thirty|forty) ?(?:min|mins|minutes)|(?:\d+|ten|fifteen|twenty|thirty) ?(?:min|mins|minutes) ago)\b/,
  /** Checking on oneself, not asking for facts: "is this normal or should i worry", "is it weird that she looks grey". */
  selfCheck:
    /\b(?:should i (?:worry|be worried|be scared|go (?:to )?(?:the )?(?:er|hospital)|call|just sleep it off)|is (?:this|that|it) (?:a )?normal(?: reaction)?(?: for (?:me|her|him))?$|is it (?:weird|bad|normal) that (?:my|i|she|he)|is it normal for (?:a|my) (?:toddler|kid|baby|child|son|daughter))\b/,
  /** Fear of something that has not happened: "afraid of having a seizure". */
  worry: /\b(?:afraid|scared|worried|nervous|terrified|fear|risk|chance|chances) (?:of|about)\b/,
};
