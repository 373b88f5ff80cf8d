import type { DangerKind } from './types';

/**
 * The meaning layer. The lexicon (lexicon.ts) matches whole phrases; this layer finds concept families
 * in a normalized message (who, what, stance, and what cancels) and combines them with readable rules,
 * so "how many tabs before your heart stops" and "how much would it take to end things" are caught by
 * the same rule (a question seeking an amount + a death outcome) without either phrase being listed.
 *
 * Every concept is a bounded pattern over normalized words (see normalize.ts). Rules are plain boolean
 * combinations; their ids are what a safety event records.
 */

const words = (...list: string[]) => `(?:${list.join('|')})`;

const PERSON_WORDS = words(
  'he',
  'she',
  'they',
  'him',
  'her',
  'them',
  'someone',
  'somebody',
  '(?:my |our |the )?(?:boss|manager|teacher|coach|sponsor|friend|boyfriend|girlfriend|husband|wife|partner|son|daughter|kid|child|mom|mother|dad|father|brother|sister|roommate|buddy|cousin|uncle|aunt|baby|toddler|fiance|fiancee|grandma|grandpa|grandmother|grandfather|coworker|neighbor|nephew|niece|sponsee|housemate|bf|gf|bestie|homie)',
);
const CHILD_WORDS = words(
  'kid',
  'kids',
  'child',
  'children',
  'son',
  'daughter',
  'toddler',
  'baby',
  'babies',
  'grandson',
  'granddaughter',
  'grandbaby',
  'grandkid',
  'nephew',
  'niece',
  'little one',
  'little girl',
  'little boy',
  'little (?:bro|brother|sis|sister|cousin)',
  'twins',
  '\\d+ ?(?:yo|y o|yr old|mo old)',
  '(?:he|she) is (?:only |just )?(?:[1-9]|one|two|three|four|five|six|seven|eight|nine)$',
  '(?:is|s) (?:only |just )?(?:[1-9]|one|two|three|four|five|six|seven|eight|nine)(?= and (?:he|she|they) )',
  'boy',
  'girl',
  'infant',
  '\\d+ ?(?:year|yr|month|mo)s? old',
  '\\d+ ?(?:yo|y o)',
  '(?:one|two|three|four|five|six|seven|eight|nine|ten) (?:year|month)s? old',
);
const PRODUCT_WORDS = words(
  'maeng da',
  'mit ?45',
  'opms',
  'feng',
  'white thai',
  'green malay',
  'red bali',
  'kratom',
  'sevenoh',
  'extracts?',
  'capsules?',
  'caps',
  'tablets?',
  'tabs?',
  'pills?',
  'gumm(?:y|ies)',
  'shots?',
  'powder',
  'tea',
  'stash',
  'meds',
  'medicine',
  'mitragynine',
  'leaf',
  '\\d+ ?(?:g|gs|grams?|mg|pills|tabs|caps|capsules|shots|bottles)',
);

/** Slang and euphemism for dying; everyday words inside them (game, vacation) do not make them trivial. */
const DEATH_SLANG =
  '\\b(?:uninstall\\w*|unsubscrib\\w*|log(?:ging)? off|logout|log out|rage quit\\w*|alt f4|ff|forfeit\\w*|delete|deleting|despawn\\w*|clock(?:ing)? out|tap(?:ping)? out|cash(?:ing)? in)(?: \\w+){0,2} (?:from |of |on )?(?:life|me|myself|irl|permanently|forever|my chips)\\b|\\b(?:not|never|no more) respawn\\w*|\\bpermadeath\\b|\\bunalive\\w*|\\b(?:dirt|forever|permanent|eternal) (?:nap|sleep)\\b|\\bthe long sleep\\b|\\bexit (?:the|this) (?:server|game|lobby|chat) for good\\b|\\brage ?quit\\w* (?:life|irl|existence)\\b|\\bnot (?:hitting|pressing|pushing) continue\\b|\\bfinal (?:logout|log off)\\b|\\bexit bags?\\b|\\b(?:dirt nap|permanent (?:vacation|solution|exit|sleep|nap)|exit bag|final (?:sleep|exit|nap)|go bye bye|off myself|offing myself|end my (?:run|game|story|playthrough)|game over for me|become a statistic|alt f4 (?:my )?life|(?:uninstall|uninstalling|delete|deleting) (?:my )?life|game called life|(?:sleep|asleep) (?:for good|permanently)|(?:the )?void is calling|rest forever|eternal rest)\\b|\\b(?:see|join|be with|meet) (?:my )?(?:\\w+ )?in heaven\\b|\\bgo to heaven\\b';

/** Concept families. Each is matched once per clause; a negation just before a match cancels it. */
export const CONCEPTS = {
  // Who
  otherPerson: `\\b${PERSON_WORDS}\\b`,
  child: `\\b${CHILD_WORDS}\\b`,
  product: `\\b${PRODUCT_WORDS}\\b`,
  sedatingProduct: `\\b(?:sevenoh|extracts?|shots?|tabs?|tablets?|xanax|benzos?|oxy|percocet|fentanyl|heroin|alcohol|drinks|beers?|vodka|sleeping pills?|gabapentin)\\b|\\btook (?:a |way |too |so )?(?:big|huge|large|lot|much|more)\\b|\\b(?:doubled|tripled) my (?:dose|doses)\\b`,

  // What
  /** Death, dying, not being here: plain words whatever the object. */
  deathStrong: words(
    '\\b(?:die|dies|dying|died|dead|death|deadly|fatal|lethal|suicide|suicidal)\\b',
    '\\bkill (?:me|myself|a person|someone|you|u)\\b|\\bend my life\\b|\\bending my life\\b|\\bend me\\b|\\bfinish me\\b',
    '\\b(?:not|never) (?:to )?(?:wake up|woke up|waking up|come back|survive|make it through)\\b(?! (?:in the|early|on time|without|before|at|until|till|for|to|once|even)\\b)|\\bdo not wake\\b(?! up (?:in the|early|on time|without|before|at|until|till|for))',
    '\\bstops? (?:breathing|existing)\\b|\\bheart (?:to )?stops?\\b|\\bstops? (?:your|my|ur|his|her|a persons|someones|the) heart\\b|\\bheart (?:gives|give|gave|will give|would give) out\\b',
    '\\b(?:kill|killing|dying|death|die|suicide|suicidal|self harm) (?:thoughts|urges|ideation|feelings)\\b|\\bdone with (?:life|living|being alive|this life|existing)\\b|\\bdone (?:living|being alive|existing)\\b|\\b(?:what is the|whats the|no|there is no) point (?:of|in) (?:even )?(?:being here|being alive|living|going on|waking up|trying anymore)\\b|\\bno (?:reason|point) (?:for me )?to (?:keep going|go on|stay|be here|live|wake up)\\b|\\b(?:not|no) (?:\\w+ ){0,3}(?:be )?(?:here|around|alive) (?:much|for much|a lot) longer\\b|\\bbody bag\\b|\\b(?:not|never) be (?:waking|wake) up\\b(?! (?:in the|early|on time|without|before|at|until|till|for))|\\bno more tomorrows\\b|\\b(?:am not|not|never|will not be) (?:making it|going to make it|gon na make it) (?:to|past) (?:\\d+|my \\w+ birthday|(?:twenty|thirty|forty|fifty|sixty)\\w*|next (?:year|month|week)|christmas|tomorrow|the weekend|new year)\\b|\\b(?:will not|not going to|never|am not going to) (?:see|live to see|make it to) (?:tomorrow|next (?:week|month|year)|another \\w+|the (?:sunrise|morning|weekend|new year)|christmas|my (?:\\w+ )?birthday)\\b|' +
      DEATH_SLANG +
      '|\\bin a (?:coffin|casket)\\b|\\b(?:dip|dipping|check|checking|bow|bowing|tap|tapping|log|logging) out of (?:this )?life\\b|\\b(?:do not|never) want to be (?:saved|found|rescued|revived|resuscitated)\\b|\\bstop (?:being alive|living)\\b|\\b(?:do not|dont) care if i (?:wake up|live|die|make it)\\b|\\bkills? (?:someone|somebody|people|a human|an adult)\\b|\\b(?:was|were|had) never (?:been )?born\\b|\\bpermanently too much\\b|\\bno (?:reason|point) (?:to|in) (?:keep going|go on|going on|live|living|keep living|be here|being here|stay|get up)\\b',
    '\\b(?:not|no longer) (?:be )?(?:here|around|alive)\\b',
    '\\b(?:do not|can not|never) see myself (?:being )?(?:alive|here|around|living)\\b|\\b(?:six|6) feet under\\b|\\bmeet (?:my|our) maker\\b|\\b(?:leave|leaving|left) this (?:world|earth|life)\\b|\\bpushing up daisies\\b|\\bgo (?:peacefully|quietly|painlessly)\\b|\\beasy way out\\b|\\blife (?:is|feels|seems) (?:pointless|meaningless|not worth (?:it|living))\\b|\\bi (?:just )?want out$|\\bkills? (?:you|u) (?:for sure|instantly|quickly|fast)\\b|\\b(?:before|until|till) it kills (?:you|u|me|a person)\\b|\\b(?:will not|would not|not going to) (?:even |exactly |really )?fight it\\b|\\b(?:sleep|asleep) forever\\b|\\bslip away\\b|\\bgo quietly\\b|\\bgo out painlessly\\b|\\bput me to sleep\\b',
    '\\b(?:do not|dont|not) (?:want to|wanna) be(?: here| around| alive)? anymore\\b|\\btired of (?:being here|existing|being alive|living|waiting on him)\\b|\\bstop being\\b|\\b(?:can not|cant) be (?:arsed|bothered) (?:living|livin|to live)\\b|\\bmight as well be (?:gone|dead)\\b|\\bcalled me home\\b|\\b(?:nap|sleep) (?:was|were|would be|be) permanent\\b|\\bdisappointed (?:that )?i am still (?:here|alive)\\b|\\bpause button on life\\b|\\bforget i (?:ever )?existed\\b|\\bfinished the job\\b|\\b(?:mortal|no despertar|matarme|suicidarme|morir|muerto|muerta)\\b|\\b(?:disappear|vanish) (?:for good|forever|permanently)\\b|\\bwhen i am gone\\b|\\bif i (?:was|were) gone\\b',
    '\\bfuneral\\b|\\bbleed out\\b|\\bdrown\\b|\\bdrowning myself\\b|\\bnobody would survive\\b|\\bdose that kills\\b|\\bthat (?:kills|would kill)\\b',
    '\\b(?:do not|not|never) (?:really |even |ever )?want to (?:be here|be around|be alive|wake up(?! (?:on|early|for|this|in the|at|before|till|until|when|to))|live|exist|keep living|do life|do this life)\\b|\\bnot going to be (?:here|around|alive)\\b|\\bstops? (?:your|my|ur|someones) breathing\\b|\\blook like an accident\\b|\\bso i (?:could|can|would|will) (?:finally |just )?go\\b',
    '\\b(?:happier|better|easier|lighter|fine) (?:off )?without me\\b|\\bbetter off if i (?:died|was dead|were dead|was gone|were gone|was not here|were not here|never)\\b|\\bpoint (?:of|in) (?:being alive|living|life)\\b',
    '\\b(?:log off|logging off|check out|checking out|exit) (?:permanently|for good|forever)\\b|\\bforever (?:nap|sleep|thing)\\b|\\b(?:long|big|eternal) (?:nap|sleep)\\b',
    '\\b(?:switch|switching|turn|turning|shut|shutting) (?:myself|me) (?:off|down)\\b(?! (?:for (?:the|a) (?:night|day|bit|while)|early))|\\bbecom(?:e|ing) a ghost\\b|\\bself delet\\w*|\\bdelete myself\\b|\\bfade away\\b',
  ),
  deathSlang: DEATH_SLANG,
  /** Words that mean a death only when the thing ending is not kratom ("ending it", "done for good"). */
  deathSoft: words(
    // "im gonna end it cant do another week": said as a plan, whatever follows (not "end it with kratom").
    '\\b(?:going to|gon na|will|ready to|about to|i am) end(?:ing)? it(?: all)?\\b(?! (?:with|for|between|off|on))',
    // Only with nothing after it, or a time: "end this chapter of my life" names what ends.
    '\\b(?:end|ending) (?:it|it all|things|everything|this|the pain)(?=$| (?:tonight|today|now|soon|for good|forever|already|tomorrow|this|that (?:night|day|weekend|morning)|once|after|before|when|on|by|for real|fr|with (?:pills|a|my gun)))|\\bfree (?:from|of) (?:all (?:of )?)?(?:this|it all|everything|the pain|life)$|\\bfinish (?:it|it off)$',
    '\\bi am gone$|\\b(?:gone|over|out|leave|leaving|done|check out|checking out|clock out|clocking out|log off|logging off) (?:for good|forever|permanently|early)\\b|\\blike permanently$|\\bbe gone\\b|\\bi will be gone\\b|\\b(?:want|ready|enough) to go$|\\bstop everything\\b|\\bi am (?:checking|clocking|logging|tapping) out$|\\b(?:will|going to|gon na|ill|i will) (?:finally )?be at peace\\b|\\bfinally at peace\\b|\\b(?:will|would|ill|going to|gon na|soon) be in a better place\\b|\\bthen i am free$|\\bthat is it for me$|\\b(?:a few|\\d+|two|three|couple) (?:more )?(?:days|hours|weeks) left (?:and|then|before)\\b|\\b(?:can|get to) finally (?:go|rest|leave|be free)$|\\bfinally (?:get to|can) (?:go|rest|leave)$|\\b(?:it|everything) ends (?:tonight|today|tomorrow|now|soon|this week)\\b|^it ends$|\\bgo (?:for good|forever|permanently)\\b|\\b(?:will not|am not going to|not going to) make it (?:to|till|until|past|through) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|tomorrow|next week|christmas|my birthday|new years)\\b(?! without)|\\b(?:want|need|wish)(?:ed)? (?:this|it|today|tonight) to be the end$',
  ),
  /** Something happening to me that would end me, said as a wish ("wish a truck would hit me"). */
  endsMe:
    '\\b(?:car|plane|bus) (?:crashes|would crash|crashed|will crash)\\b|\\b(?:kills?|killed|take|takes|took) me\\b|\\b(?:hit|hits) me\\b|\\bruns? me over\\b|\\b(?:swerve|swerves|crash|crashes|plow|plows) into me\\b|\\b(?:got|get|had|have|getting) (?:cancer|a terminal \\w+|a fatal \\w+)\\b|\\b(?:get|got|getting|be|end up) (?:into|in) (?:a|an) (?:wreck|crash|accident|car accident)\\b|\\b(?:get|got|getting|be) (?:hit|run over) by (?:a |the )?(?:bus|car|truck|train)\\b|\\b(?:gave|give) out\\b|\\bdriving off the road\\b',
  /** Ending it with something: a means in a question ("end it with kratom, how much"), a goodbye elsewhere. */
  endItWith: '\\bend(?:ing)? (?:it|things|my life) with\\b',
  /** An act not named, with a time: "doing it this weekend". */
  unnamedAct:
    '\\b(?:that is|thats|that s) when$|\\b(?:tonight|tonite|eve|friday|saturday|sunday|monday|tuesday|wednesday|thursday|weekend) (?:is )?the (?:night|day)\\b|\\b(?:will not|wont|not going to) see (?:january|february|march|april|may|june|july|august|september|october|november|december|tomorrow|christmas|another|next|the new year)\\b|\\bend date\\b|\\b(?:going to|gon na|will) follow (?:her|him|them)\\b|\\bnot coming back (?:in|home|out)?\\b|\\bcall it a day for good\\b|\\bfinish myself\\b|\\bdrive off (?:the|a)\\b|\\bim doin it\\b|\\bi am doin it\\b|\\b(?:have it (?:all )?planned|it is (?:all )?planned|go through with it|going through with it|it is happening|its happening|do the thing|gave myself until|(?:a|the) date (?:picked|set|chosen)|set a date|set the date|i have a date|(?:that is|its|it is) (?:my|the) date|plan is (?:set|ready|made)|it is decided|its decided|made up my mind)\\b|\\b(?:tonight|today|tomorrow|sunday|monday|tuesday|wednesday|thursday|friday|saturday|this weekend) is (?:the|my) (?:day|night)\\b|\\b(?:picked|chose|chosen|set|picking|choosing) (?:the|a|my) (?:day|date|night|time)\\b|\\bi (?:have )?already decided$|\\b(?:tonight|today|tomorrow|sunday|monday|tuesday|wednesday|thursday|friday|saturday|this weekend) it is\\b|\\btonights the (?:night|day)\\b|\\b(?:it is|its|everything is) (?:all )?set for\\b|\\bno (?:talking|stopping) me\\b|\\b(?:nobody|no one) (?:can|could|will) (?:talk|stop) me\\b|(?<!\\b(?:you|u) )\\b(?:know|figured out|worked out|decided) (?:how|when|where)(?: and (?:how|when|where))?\\b|\\b(?:that|this) is my (?:choice|decision)$',
  /** "doing it": an unnamed act, but only with a time and said by me, not "we can do it later". */
  doIt: '\\b(?:do it|doing it|do this|it is happening|its happening|go through with the plan|i am done after|i go$)',
  weOrYou: '\\b(?:we|you|u|us|lets|can i)\\b',
  /** A way or amount asked for with no object named: "whats the least painful way", "how much would it take". */
  methodWay:
    '\\b(?:shut|shuts|shutting) (?:off|down) (?:my |your |the )?breathing\\b|\\bdoes the (?:\\w+ ){1,4}thing hurt\\b|\\b(?:least painful|most painless|painless|surest|most reliable|most certain|more certain|more reliable|quickest|easiest) (?:way|one|combo|combination|caliber|option)\\b|\\b(?:which|what) (?:\\w+ )?is (?:more|most) (?:certain|reliable|sure)\\b|\\bworks the first time\\b|\\b(?:would|will) (?:that|it|this) (?:combination )?be enough\\b|\\bdosis mortal\\b|\\b(?<!in the )(?<!in a )(?:least painful|most sure|surest|painless|quickest|fastest|easiest|best) way(?: out| to (?:go|do it|die|end it|end things))?$|\\b(?:least painful|most sure|surest|painless|quickest|fastest|easiest) way (?:out|to (?:do it|die|end it|end things|go(?! (?:about|through|back|with))))\\b|\\bway to go\\b(?! with)|\\bhow (?:much|many)(?: of (?:this|these|it))? (?:would|will|does) it take$|\\bhow much it would take\\b|\\bwould do it$|\\b(?:do|does) the job\\b|\\b(?:surest|best|easiest|quickest) way with (?:pills|a gun|a rope|kratom|my \\w+)\\b|\\b(?:would|will|could) (?:that|it|this) (?:do it|be enough|be over|kill)\\b',
  harmVerb:
    '\\b(?:pound|pounding|stab|stabbin|stabbing|slap|slapping|slappin|snap|snapping|pressed|heated|welting|starving|hurt|hurting|harm|harming|harmed|injured|cut(?! (?:down|back|out|it down|my dose))|cutting(?! (?:down|back))|burn|burned|burnt|burning|scratch|scratched|scratching|punch|punching|hit|hitting|bite|biting|bruise|bruised|slice|stab|stabbed|carve|carving|bang|banging|slam|slamming|smash|smashing|starve|starved|injure|injuring|scrape|scraped|dig|dug|pick|picking|pull|pulled|break|poured|pressing)\\b',
  harmTarget:
    '\\b(?:my own \\w+|my (?:scalp|chest|skin|hand|face|wrist|hair)\\b|a chunk of hair|myself|my (?:skin|arm|arms|forearm|forearms|leg|legs|shin|shins|ankle|ankles|hip|hips|wrist|wrists|thigh|thighs|stomach|belly|hand|hands|body|head|face|knuckles|fist|hair))\\b',
  harmPurpose:
    '\\b(?:in clumps|bald spot|deserve it|deserved it|deserve the pain|cuz i am weak|because i am weak|as punishment|punishment|earned it|over and over|over n over|so hard|till (?:the )?skin|welting|again just now|keep stabbing|keep stabbin|on purpose|deliberately|to feel something|to punish myself|to cope|to feel in control|till it bleeds|til it bleeds|until it bled|until it bleeds|till i bleed|til i bleed|until i bleed|till my knuckles bleed|made myself bleed|raw|that it hurts|want to feel pain|deserve pain|feel pain|feel in control|feel something|against the wall|into the wall)\\b|\\b(?:till|til|until) (?:it|i|they) (?:bleed|bleeds|bled|bruise|bruises|bruised|burn|burns|burned|hurt|hurts)\\b|\\b(?:keep|been|kept) (?:banging|hitting|punching|slamming|burning|cutting|scratching|biting|smashing)\\b',
  onPurpose:
    '\\b(?:wanted|want|needed) it (?:all )?over\\b|\\b(?:trying|want|wanted) to make this the last time\\b|\\btired of (?:all this|all of this|everything|living|it all|life|being alive)\\b|\\bso (?:it|this|everything|the pain) (?:would|will|could|can) (?:be over|end|stop)\\b|\\b(?:want|need|wanted|needed) (?:it|this|everything|all of this) (?:all )?to (?:end|be over|stop|be the end)\\b|\\bso i (?:would not|will not|do not|did not|would never|never) have to (?:deal with|face|feel|wake up|see|do) \\w+|\\b(?:want out|want it (?:all )?to be over|idc what happens|do not care what happens|so (?:it is|its) done|to make it (?:all )?stop|on purpose|deliberately|intentionally|purposely|trying to end|tried to end|to end it|to make it stop|so i do not have to feel|so i would die|to die|tried to overdose|tried to od|not an accident|was not an accident|did it on purpose|make (?:it|everything|this|the pain) (?:all )?go away)\\b|\\bi meant to$|\\basking for (?:real|me|myself)\\b|\\bnot (?:asking )?for a friend\\b',
  harmTool:
    '\\b(?:razor|blade|lighter|cigarettes|knife|boiling water|bleach|box cutter|hot spoon|spoon|rubber band|hair tie|needle|pen|nails)\\b',
  selfHarmWord:
    '\\b(?:(?:starving|starve|starved) myself|(?:not|have not|havent|haven t) (?:eaten|eating|eatin)(?: \\w+){0,4} (?:on purpose|as punishment|deserve)|(?:do not|dont) deserve (?:food|to eat)|skipping meals on purpose|stopped eating on purpose|crav\\w* the cut|started cutting|made (?:two|\\d+|some|a few) cuts|cutting (?:right now|where)|(?:took|take|get|got|pulled|have|had) (?:the|my) (?:blade|razor|razor blade|knife) out|cuts i (?:made|gave myself)|covered in cuts|self harm|self harming|cutting again|cut again|relapsed on (?:cutting|self harm)|urge to cut|wanting to cut|want to cut|(?:need|needs|have|got|gotta) to cut|gon na cut|slice my wrists?)\\b(?! (?:down|back|out|it|my|the|\\d))',
  means:
    '\\b(?:every pill|sleeve|the rest of my \\w+|everything left|double my \\w+|way more than i should|more than i should|bunch of pills|whole stash|all (?:of )?(?:my|the) (?:pills|meds)|take everything|taking everything|take it all|taking it all|all of it at once|all at once|at once|overdosed|(?:counted|lined|laid|set) out|all (?:of )?my \\w+|all (?:of )?my (?:pills|meds|sevenoh|kratom|xanax|gabapentin)|everything (?:i have|i had|in (?:the|my) (?:cabinet|house|medicine cabinet|drawer))|whole (?:\\d+ ?(?:day|week|month) )?(?:bottle|bag|stash|prescription|script|pack|blister pack|box|sleeve|month|supply)|entire (?:bottle|bag|pack)|(?:a |the )?bottle of|rope|noose|gun|bleed out|bleeding out|bridge|building|parking garage|rooftop|\\d+ (?:stories|storeys|floors)|walk(?:ing)? into (?:the )?(?:lake|river|ocean|sea|traffic)|into traffic|bunch of (?:my )?\\w+|handful of|whole supply|entire (?:supply|stash|prescription)|car (?:running )?in (?:a|the|my) (?:closed |shut )?garage|golden gate|\\d{2,} of (?:my|his|her|the|their|my \\w+s) \\w+|rest of my \\w+|overpass|cliff|vein|artery|(?<!legs? )jump(?! (?:into|in|on|at|back|to|ship|start|through|rope|right)\\b)(?! off (?:\\d|kratom|sevenoh|extracts?|shots|tomorrow|today|tonight|cold|on|this|\\w+day)\\b)(?! off$)|(?<!legs? )jumping(?! (?:into|in|on|at|back|to|ship|through|rope|right)\\b)(?! off (?:\\d|kratom|sevenoh|extracts?|shots|tomorrow|today|tonight|cold|on|this|\\w+day)\\b)(?! off$)|tracks|hang|hanging|drowning|drown|bleach|carbon monoxide|overdose|drive off|drive into|tree|(?<!through the )roof|insulin|tylenol|benadryl)\\b',
  preparation: words(
    '\\b(?:wrote|writing|filled out|made|done) (?:\\w+ ){0,4}(?:will|will templates?)\\b(?! (?:power|be|not|have|go|take|get|try|see|do|make|call|feel))|\\b(?:bank (?:card )?pin|the key|the keys|their feed and papers)\\b',
    '\\b(?:letters?|notes?|video|goodbye) (?:to|for) (?:my|everyone|each)\\b',
    '\\b(?:wrote|writing|written|left|recorded|finished writing) (?:a |my |the |notes|letters|to each)',
    '\\b(?:my )?will\\b(?= tonight| today| this week)|\\bfinished my will\\b|\\bwrote my will\\b|\\bmy will is (?:done|written|ready|signed|finished)\\b|\\b(?:made|did|signed|updated) my will\\b|\\bhas a new (?:home|owner)\\b|\\bso (?:my|the) (?:kids|family|wife|husband|mom|parents|daughter|son|roommate) (?:do not|will not|would not|does not|never) (?:find|see) me\\b|\\b(?:bought|got|have|ordered|picked up) (?:everything|what|all) (?:i need|i needed|i will need)\\b|\\b(?:the|my) (?:dog|cat|kids|house|car|truck|stuff) (?:goes|go|will go|should go) to\\b|\\b(?:sending|send|writing|wrote|sent) (?:my |out )?(?:last|final|goodbye) (?:texts?|messages?|letters?|words|calls?)\\b|\\bnew (?:home|owner) for my\\b|\\b(?:gave|giving|give|given) away (?:everything|all|most)\\b',
    '\\bwho gets (?:my stuff|what|my things)\\b|\\b(?:gets|get|can have|will get|should get) (?:my|all my) (?:car|savings|money|stuff|things|house|truck|dog|cat|guitar|clothes|phone|jewelry|ring)\\b|\\bgets something of mine\\b',
    '\\b(?:gave|giving|give) (?:away )?(?:my|away my|my things|my stuff|my dog|my cat|my plants|the keys)\\b',
    '\\bgave (?:my|the) \\w+ (?:to|away)\\b|\\bgiving my \\w+ to\\b|\\bgave (?:my )?(?!up\\b)\\w+ (?:and|my)\\b',
    '\\b(?:affairs|everything|things) (?:else )?(?:is |are )?(?:in order|sorted|settled|arranged|squared away)\\b|\\b(?:keep|have|take) (?:him|her|them) for good\\b|\\bpasswords\\b|\\blife insurance\\b|\\binstructions for my funeral\\b',
    '\\bpaid off\\b.{0,40}\\b(?:after|when i am gone|will not be stuck)\\b|\\bso nobody has to\\b|\\bwill not need (?:them|it|the program|you|u|this|this app|anyone) (?:anymore|after)\\b|\\b(?:it is |everything is |all )?(?:all )?taken care of\\b',
    '\\b(?:deleted|cancelled|canceled) (?:all )?my (?:accounts|phone)\\b|\\bpacked up my\\b',
    '\\bpaid (?:back|off) (?:all )?(?:my |the )?(?:debts?|everyone|loans?|what i owe)\\b|\\breturned (?:all )?(?:the |everything|stuff)\\b.{0,20}\\bborrowed\\b|\\bloose ends\\b|\\bsigned (?:everything|it all|the house|my \\w+) over\\b',
  ),
  farewell: words(
    '\\bthank(?:s| you) for everything\\b|\\b(?:for )?whoever finds (?:it|this|me)\\b|\\bthis is (?:my )?goodbye\\b|\\bsigning off for (?:real|good)\\b|\\b(?:texted|called|messaged|told) (?:everyone|everybody|all the people) i love\\b|\\b(?:vet|medical) records\\b',
    '\\b(?:last|final|ultimo) (?:message|mensaje|words|log in|login|post|note)\\b(?! (?:about|on|re|regarding|of the day|for (?:today|tonight|now)))|\\bnothing left (?:to (?:sort|do|say|give)|for me)\\b|\\bend of the road for me\\b|\\b(?:it is|its) (?:my )?time$|\\bashes\\b|\\brehomed\\b|\\blook after (?:mama|mom|mum|my \\w+)\\b|\\bsorry for everything\\b|\\bgracias por todo\\b|\\bit was not your fault\\b',
    '\\b(?:goodbye|goodbyes|bye|farewell)\\b|\\bnice knowing (?:you|u|ya|everyone|you all)\\b|\\b(?:i hope|please) (?:you all |everyone |you |u |they )?(?:can )?forgive me\\b|\\bnext life\\b|\\bsee (?:you|u|ya) on the other side$|\\bremember me (?:when|as|fondly|how)\\b|\\bplease remember me\\b|\\blast (?:sunrise|sunset|breath)\\b|\\btake care of (?:each other|one another)\\b|\\b(?:going to|gon na|will) miss (?:you|u) (?:all|guys|everyone)\\b|\\blast (?:week|month|day|night|weekend|days|christmas) (?:on (?:this )?earth|of my life)\\b',
    '\\b(?:my|this is the|this will be my) (?:last|final) (?:message|text|txt|check in|one)\\b|\\bthis is (?:the|my) last (?:time|night|day|thing)\\b|\\blast time (?:i will|you will|ill|we talk)\\b|\\bmy last (?:night|day|weekend)\\b|\\blast (?:night|day|weekend|christmas) alive\\b',
    '\\btell (?:my )?\\w+ (?:that )?(?:i love|i loved|i am sorry|i am so sorry|sorry|goodbye|bye|i said)\\b|\\blove you all\\b|\\bthank (?:you|u) for (?:everything|trying)\\b|\\bthanks for (?:everything|trying)\\b',
    '\\b(?:last|final) (?:check in|message|text|txt|post) ever\\b|\\bknows? (?:that )?i (?:love|loved) (?:them|him|her|you|u)\\b|\\b(?:last time|never) (?:you|u|anyone|they) (?:will )?(?:hear|hears) from me\\b|\\bdoes not know (?:it is|its) the last time\\b|\\bwanted (?:to tell someone|someone to know)\\b|\\bif anyone reads this\\b|\\bif (?:you are|anyone is|u are|someone is) reading this\\b|\\bsorry (?:that )?i (?:was not|could not be|was never) (?:stronger|strong enough|enough|better)\\b|\\bbefore i go\\b|\\bwill not be (?:around|checking in|here)\\b',
    '\\bor ever\\b|\\btake care of (?:ppl|people|everyone)\\b|\\bits? (?:is )?(?:settled|finished|ready)\\b|\\beverything is ready\\b',
  ),
  /** A whole message that only signs off ("ok bye", "goodnight steady"): leaving the chat, not a farewell to life. */
  signOff:
    '^\\s*(?:(?:ok|okay|alright|cool|thanks|thank you|thx|ty)\\s*)+$|^\\s*(?:(?:ok|okay|alright|thanks|thank you|thx|ty)\\s+)*(?:bye(?: bye)?|goodbye|good bye|bye for now|see (?:you|ya|u)(?: later| tomorrow| soon)?|good ?night|night|later|cya|ttyl|gtg|talk (?:to you )?(?:later|tomorrow|soon))(?:\\s+(?:steady|for now|then|now|all|everyone|for tonight))?\\s*$',
  bodyDanger: words(
    '\\b(?:fitting|fittin|having a fit)\\b|\\b(?:does not|do not|doesnt|dont) know where (?:he|she|they) (?:is|are)\\b|\\bno respira\\b|\\bno despierta\\b',
    '\\b(?:not|barely|hardly|stopped|stops|stop) breathing\\b|\\bbreathing (?:is |feels |sounds |seems )?(?:not )?(?:normal|right)\\b',
    '\\bbreath(?:ing)? (?:is |feels |sounds |seems |keeps )?(?:really |real |so |super |very |way too |too )?(?:slow|shallow|weird|strange|pausing|wrong|off)\\b',
    '\\b(?:blue|grey|gray|purple)\\b|\\bpale\\b.{0,20}\\bcold\\b',
    '\\b(?:will not|would not|can not|does not|is not) (?:wake|respond|answer|open (?:his|her|their) eyes)\\b|\\b(?:can not|could not) (?:wake|get) (?:him|her|them)\\b',
    '\\b(?:unresponsive|unconscious|barely conscious|not responding|is not responding|is not moving|not moving|limp|slumped|hard to wake|barely waking)\\b',
    '\\bseizures?\\b|\\bseizing\\b|\\bconvuls\\w+|\\btwitching\\b|\\beyes rolled\\b|\\bfoaming\\b|\\bshaking all over\\b|\\bwhole body is jerking\\b',
    '\\bcollapsed\\b|\\bpassed out\\b|\\bfainted\\b|\\bfell down\\b|\\bchoking\\b|\\bgurgling\\b|\\bsnoring weird\\b',
    '\\b(?:can not|could not) (?:stand|walk|talk|speak|breathe|swallow)\\b|\\bslurr(?:ing|ed|s)\\b|\\b(?:can not|could not) move (?:his|her|their|my) (?:\\w+ ){0,2}side\\b|\\bnot making sense\\b|\\bfalling over\\b|\\bout of it\\b',
    '\\b(?:confused|disoriented)\\b|\\bdoes not know where\\b|\\bdo not know where i am\\b',
    '\\bface (?:is )?drooping\\b|\\bone side of (?:his|her|my) face\\b|\\bclutching (?:his|her) chest\\b|\\bchest hurts\\b',
  ),
  sedation: words(
    '\\b(?:keep|kept|keeps|keeping) (?:falling asleep|nodding|dozing|passing out)\\b|\\bfalling asleep (?:while|sitting|standing)\\b',
    '\\bfalling asleep (?:mid|in the middle|every few)\\b|\\beyes (?:closing|closin|keep closing) on (?:their|its) own\\b|\\bpinned eyes\\b|\\bso heavy (?:i )?can not move\\b',
    '\\b(?:can not|can barely|could barely|hard to|barely) (?:stay awake|keep my eyes open|keep my head up|stay conscious|move|talk|think)\\b',
    '\\bnodding (?:off|out)?\\b|\\bnod(?:ding)?\\b|\\bdozing off\\b|\\b(?:fading|drifting) in and out\\b|\\bgoing under\\b|\\bsinking\\b',
    '\\b(?:pinpoint|tiny|pinned|small) pupils\\b|\\bpupils (?:are )?(?:pinpoint|tiny|pinned)\\b',
    '\\b(?:so |really |super |extremely |very )?(?:sedated|drowsy)\\b|\\bso sleepy\\b|\\b(?:passing|blacking) out\\b|\\bkeep (?:passing|blacking) out\\b',
    '\\bbreathing (?:is |feels |keeps )?(?:really |so |super )?(?:slow|shallow|weird|pausing)\\b|\\b(?:barely|hardly) (?:breathing|breathe)\\b|\\b(?:too|way too|so) sleepy\\b|\\bstop breathing\\b|\\bforgetting to breathe\\b',
    '\\beyes (?:will not|wo not) stay open\\b|\\bcan not (?:feel my body|move)\\b|\\bnot wake up if i sleep\\b',
    '\\b(?:my )?eyes (?:keep|keeps|kept) (?:closing|shutting|rolling back)\\b|\\bdrooling\\b|\\b(?:keep|kept|keeps) drifting off\\b|\\b(?:can|could) (?:barely|hardly|not) hold (?:my|the) (?:phone|head|cup)\\b|\\bphone (?:fell|keeps falling|dropped) on my face\\b',
  ),
  /** Sedation signs that are dangerous whatever else the message says (breathing, pupils, not waking). */
  sedationStrong:
    '\\b(?:can|could) (?:barely|hardly|not) hold (?:my|the) (?:phone|head|cup)\\b|\\bdrooling\\b|\\bbreaths? (?:are |is )?(?:\\w+ ){0,3}(?:far apart|slow|shallow|few)\\b|\\bchest (?:barely|hardly) (?:moves|moving|rises)\\b|\\blips (?:look|looks|are|turning|went|look kind of) (?:weird|blue|purple|gray|grey|dark)\\b|\\b(?:breathing|breath)\\b.{0,20}\\b(?:slow|shallow|pausing|stopping|stops|weird)\\b|\\b(?:barely|hardly|not|stopped|stop) (?:breathing|breathe)\\b|\\bpupils\\b|\\b(?:can not|could not) (?:wake|stay conscious|move)\\b|\\b(?:keep|kept|keeps) (?:passing|blacking) out\\b|\\bgoing under\\b|\\b(?:fading|drifting) in and out\\b|\\b(?:blue|grey|gray|purple)\\b|\\bbarely conscious\\b|\\bforgetting to breathe\\b|\\bnot wake up\\b',
  /** Sleepiness told as a habit or a normal day ("the extract makes me sleepy", "my usual tab", "after dinner"). */
  sleepyHabit:
    '\\b(?:makes? me|always|every time|everytime|whenever|when i take|usually|at night|after (?:dinner|lunch|work)|in the (?:afternoon|evening)|at work|in class|at my desk|lol|lmao|haha|is (?:that|this) normal|normal)\\b',
  /** Signs of a heart attack strong enough on their own. */
  heartStrong:
    '\\b(?:chest|heart)\\b.{0,30}\\b(?:crush\\w*|squeez\\w*|radiat\\w*|spreading|elephant)|\\b(?:crush\\w*|squeez\\w*|radiat\\w*|spreading|elephant)\\b.{0,30}\\b(?:chest|heart|left arm|jaw)\\b|\\bheart attack\\b|\\bheart (?:is )?(?:giving out|out of control|stopping)\\b',
  heartSign: words(
    '\\bheart (?:will not|can not|does not|is not going to) (?:slow down|stop (?:racing|pounding))\\b',
    '\\bhearts? (?:is |keeps |was |has been )?(?:\\w+ ){0,3}(?:racing|skipping|skipped|flutter\\w*|irregular|flopping|out of rhythm)\\b(?=.{0,80}\\b(?:faint\\w*|passed out|pass out|blacked out|black out|came to|dizzy|lightheaded)\\b)',
    '\\b(?:breastbone|sternum)\\b.{0,40}\\b(?:tight|squeez\\w*|pressure|crush\\w*|pain|heavy)\\b|\\b(?:tight|squeez\\w*|pressure|crush\\w*|pain|heavy)\\b.{0,40}\\b(?:breastbone|sternum)\\b',
    '\\bpalpitations\\b|\\bheart ?(?:beat)? (?:is )?(?:\\w+ ){0,2}(?:irregular|flopping|flutter\\w*|out of rhythm|skipping|stops and starts|pause)\\b|\\bpulse (?:is )?(?:about |like )?(?:1[5-9]\\d|2\\d\\d)\\b',
    '\\b(?:tightness|pain|pressure|squeezing|burning) in (?:my )?chest\\b|\\b(?:jaw|left arm)\\b.{0,30}\\b(?:ach\\w*|pain|hurts?|numb|heavy|tingl\\w*)\\b',
    '\\bchest\\b.{0,30}\\b(?:pain|pains|hurts|hurt|tight|tightness|pressure|heavy|squeez\\w*|crush\\w*|burning|aches?|stabbing)\\b',
    '\\b(?:pain|pains|pressure|tightness|squeezing) (?:in|on) my chest\\b|\\belephant\\b.{0,20}\\bchest\\b',
    '\\bheart (?:is |keeps |feels )?(?:like (?:it is |its )?)?(?:doing something weird|acting (?:weird|up|strange)|racing|pounding|skipping|fluttering|irregular|going crazy|out of control|beating (?:weird|super irregular|irregular)|stopping|giving out|being squeezed)\\b',
    '\\bheart (?:rate|is racing) (?:is )?(?:1[5-9]\\d|2\\d\\d)\\b|\\b(?:1[5-9]\\d|2\\d\\d) bpm\\b|\\bpulse (?:is )?(?:like )?(?:[1-3]\\d|4\\d)\\b',
    '\\bheart attack\\b|\\bheart is giving out\\b|\\bthink my heart\\b',
  ),
  heartSpread:
    '\\b(?:jaw|left arm|my arm|arm|neck|back|shoulder)\\b|\\b(?:sweat\\w*|clammy|cold sweat|short of breath|out of breath|catch my breath|can not breathe|when i breathe|dizzy|lightheaded|faint\\w*|almost fainted|pass out|passed out|blacked out|vision went dark|nausea|sick|weak|numb\\w*|tingl\\w*)\\b',
  emergencySign: words(
    // A seizure told by what it did: the body jerked, time lost, out for a minute.
    '\\b(?:body|arms|legs) (?:jerked|was jerking|started jerking|went stiff)\\b|(?<!for )\\blost time\\b|\\b(?:i was|was) out (?:cold )?for (?:a|like a|about a|\\d+) (?:minute|min|few minutes|minutes)\\b',
    '\\b(?:vomit\\w*|throw\\w* up|threw up|puk\\w*|coughing up)(?: \\w+){0,5} (?:blood|coffee grounds?|black stuff|dark red)\\b|\\b(?:looks?|looked|looking) like coffee grounds?\\b|\\b(?:black (?:and )?tarry|tarry|poop is black)\\b',
    '\\b(?:hives|throat|tongue|lips|face)(?: \\w+){0,3} (?:tight|swollen|swelling|puffy|closing|huge|fat|ballooning)\\b|\\bhives\\b.{0,30}\\b(?:hard to (?:swallow|breathe)|throat|tongue)\\b',
    '\\b(?:arm|leg|face)(?: \\w+){0,4} (?:weak|numb|drooping) on one side\\b|\\bone side (?:of (?:my|his|her) (?:body|face) )?(?:is |went |gone )?(?:weak|numb)\\b',
    '\\babout to (?:seize|have a seizure)\\b|\\bbody was jerking\\b|\\blost consciousness\\b|\\bseeing double\\b',
    '\\b(?:hit|smacked|struck|banged) (?:my|his|her) head\\b.{0,40}\\b(?:throw\\w* up|vomit\\w*|seeing double|confused|bump)\\b',
    '\\b(?:throwing up|vomiting|coughing up) blood\\b|\\bbleeding (?:a lot|everywhere)\\b|\\bbleeding and it will not stop\\b|\\bhit my head\\b|\\b(?:head|forehead) is bleeding\\b',
    '\\b(?:throat|tongue|lips|face) (?:is |are )?(?:swelling|closing)\\b|\\ballergic reaction\\b|\\bcan not (?:swallow|breathe|get air)\\b|\\bgasping\\b',
    '\\bcan not feel (?:the|my) (?:left|right) side\\b|\\bcan not lift my arm\\b|\\bworst headache\\b|\\b(?:having|had|i am having) a stroke\\b|\\bspeech is (?:weird|slurred|off|funny|wrong)\\b|\\bcan not talk right\\b|\\bvision went black\\b',
    '\\bfever (?:is )?(?:10[3-9])\\b|\\b(?:keep|keeps) (?:passing out|fainting|blacking out)\\b|\\bcan not feel (?:my|his|her) (?:legs|arms|face|body|feet)\\b|\\b(?:i am|i think i am) having a seizure\\b|\\bhad a (?:seizure|convulsion)\\b|\\bseizures\\b',
    '\\b(?:whole )?body (?:is )?jerking\\b|\\b\\d+ (?:breaths|times) (?:a|per) minute\\b',
    '\\bdo not know where i am\\b|\\bdo not know what is real\\b|\\bseeing things\\b.{0,30}\\breal\\b|\\bcar accident\\b|\\bgot hurt bad\\b',
    '\\bgoing to die right now\\b',
    // Stroke signs: a face drooping, one arm or leg gone weak or numb, speech that will not come out right.
    '\\b(?:face|mouth|smile)\\b(?: \\w+){0,4} droop\\w*|\\bdroop\\w*(?: \\w+){0,2} (?:face|mouth|smile)\\b|\\b(?:left|right) (?:arm|leg|hand|side)\\b(?: \\w+){0,3} (?:went |gone |is |feels )?(?:numb|weak|dead|limp|will not (?:lift|move)|would not (?:lift|move)|can not (?:lift|move))\\b|\\b(?:arm|leg|hand) went (?:numb|weak|dead|limp)\\b|\\bone side of (?:my|his|her) body\\b|\\b(?:can not|could not) (?:speak|talk|see) (?:right|properly|clearly|straight)\\b|\\bwords? (?:came|come|are coming|were coming) out (?:wrong|jumbled|garbled|slurred)\\b',
    '\\b(?:calf|leg)\\b(?: \\w+){0,6} swollen\\b.{0,80}\\b(?:short of breath|can not breathe|chest pain|coughing up)\\b|\\b(?:hit|smacked|struck|banged) (?:my|his|her) head\\b.{0,40}\\b(?:woozy|can not remember|dizzy|keeps? throwing up|throwin up)\\b',
    '\\bstruggling to breathe\\b|\\bbreathing is getting worse\\b|\\bbreathing is weird\\b',
  ),
  /** Yellow skin or eyes: with confusion, a swollen belly or dark urine, liver failure. */
  jaundice:
    '\\b(?:skin|eyes)\\b(?: \\w+){0,3} (?:yellow|yellowish|orange)\\b|\\byellow (?:skin|eyes)\\b|\\bjaundice\\w*',
  liverFailureSign:
    '\\b(?:confused|confusion|drowsy|can not think (?:straight|clearly)?|getting lost|lost in my own|foggy and|not making sense)\\b|\\b(?:belly|stomach|abdomen) (?:is |looks |feels )?(?:swollen|huge|bloated and hard|distended)\\b|\\b(?:pee|urine|piss)(?: is| looks)? (?:\\w+ ){0,2}(?:brown|cola|dark brown|like tea|like coke)\\b|\\bpeeing (?:brown|dark brown|cola)\\b|\\bvomit\\w* blood\\b',
  feelDying: '\\b(?:feel|feels|feeling) like i am (?:dying|going to die)\\b',
  /** Feeling like death, said of a body in withdrawal. */
  feelAwful:
    '\\b(?:thought|felt like|feel like|feels like|feeling like) i (?:am|was) (?:going to|gon na) die\\b|\\b(?:feel|feels|feeling) like i am (?:dying|dyin)\\b|\\b(?:feel|feels|feeling|felt) like (?:i am (?:dying|going to die|about to die)|(?:\\w+ ){0,2}death|dying|dead|i (?:had |would have )?died)\\b|\\b(?:brain|body|head|legs|soul|insides?) (?:feels|feel|is|are) (?:\\w+ )?(?:dead|dying)\\b|\\b(?:feel|feels|feeling) like (?:she|he) is (?:about to|going to) die\\b|\\b(?:my )?body (?:is|feels) (?:like (?:it is )?)?(?:dying|dead|shutting down)\\b',
  /** A whole supply at once. */
  bulk: '\\b(?:all (?:of )?my \\w+ at once|at once|back to back|the whole bottle|whole (?:bottle|bag|pack|prescription|script|blister pack|box|sleeve|supply|stash)|entire (?:bottle|bag|pack|supply)|every (?:pill|tablet|capsule)|entire (?:supply|stash)|all (?:of )?the (?:pills|meds|tablets) in the (?:house|cabinet|bottle)|everything (?:i had|i have|in (?:the|my) (?:cabinet|house|medicine cabinet|drawer|bottle)))\\b',
  /** Took something in: how an overdose, or a child's accident, starts. */
  ingested:
    '\\btried to (?:kill myself|end (?:my life|it)) with\\b|\\b(?:took|taken|necked|chugged|finished(?= (?:the|my|off|all|a|an|it|them|every|everything|\\d))|polished off|emptied|popped|downed|swallowed|mixed|ate|drank|overdosed|tried to overdose|tried to od|injected|did myself in|had all|put them on)\\b',
  /** The act done, not named: "ok i did it". */
  didIt:
    '\\b(?:i (?:just |already |finally )?(?:did it|have done it|went through with it)|(?:because|cause|cuz) i (?:just |already )did$|it is done|(?:already|just) did it)\\b',
  /** Feeding a baby: "can my baby drink my milk if i take kratom" is a planning question, not a poisoning. */
  feedingBaby:
    '\\b(?:breast ?(?:feed\\w*|milk)|nursing|nurse (?:him|her|the baby)|formula|pump\\w*|milk supply|pregnan\\w*|while expecting)\\b',
  /** A child's exposure imagined, not happened: "what if my kid ever got into it", "keep it away from kids". */
  childWhatIf:
    '\\b(?:what if|in case|if (?:my|a|the|your|our|he|she|they) (?:\\w+ ){0,3}(?:ever |accidentally )?(?:ate|eats|eat|got|gets|swallowed|swallows|drank|drinks|finds|found)|ever (?:ate|eats|got|gets|swallowed|drank|finds)|could (?:a|my) (?:kid|child|baby|toddler)|would (?:it|that) hurt (?:a|my) (?:kid|child|baby|toddler))\\b',
  /** The "what if" answered: "what happens if a kid eats one? because mine just did". */
  childJustDid:
    '\\b(?:mine|she|he|they|my (?:kid|son|daughter|toddler|baby)) just (?:did|ate|had|got into|swallowed|drank)\\b',
  /** Keeping a product away from children: a planning question, unless the story is of something that happened. */
  childStorage:
    '\\b(?:childproof|child proof|safe around|away from (?:my |the )?(?:kids|children|baby|toddler|grandkids)|lock(?:ed)? (?:it|them|up)|out of reach)\\b',
  /** About to take something: "if i take 30 tabs will it be over". */
  willIngest: '\\b(?:take|taking|swallow|swallowing)\\b',
  swallowed:
    '\\b(?:eats|swallows|(?:was|is|been|caught (?:him|her|them)) licking|getting into|gotten into|all over (?:his|her|their) (?:mouth|face|hands)|got (?:the |my )?(?:\\w+ ){0,2}(?:bag|bottle|jar|pack) open|thought (?:the|it|my) \\w+ was (?:juice|candy|a drink|a snack)|open bag|(?:powder|pills) everywhere|(?:some|one|two|a few|more|a couple) (?:is |are |of them )?missing|(?:half|mostly) empty|an empty (?:capsule|bottle|shot|wrapper|pack|blister)|had some|(?:around|on) (?:his|her|their) (?:mouth|lips|hands|face)|got the (?:cap|lid|top) off|nearly empty|uong|nakakain|se tomo|eating something|eaten some|got into|in (?:his|her|their) mouth|ate|eaten|eating|swallowed|swallow|drank|drinking|chewed|chewing|got into|got (?:a ?hold|ahold) of|licked|found (?:my |with )|put (?:some|it)|had .{0,20} (?:all over|in) (?:his|her) mouth|took one|took some|took a|got my)\\b',

  /** A means that can end a life, named alone ("the rope", "that overpass"). */
  lethalMeans:
    '\\b(?:the void|exit bag|rope|noose|gun|pistol|rifle|bridge|overpass|cliff|ledge|train tracks|the tracks|razor|blade|carbon monoxide|car (?:running )?in the garage)\\b',
  /** The pull of a means: "looking pretty good", "calling me", "tempting". */
  lure: '\\b(?:look|looks|looking|sound|sounds|sounding|seems|seeming) (?:pretty |really |so |real |kinda |more and more )?(?:good|better|nice|tempting|peaceful|inviting|like an option|like the answer)\\b|\\bcalling (?:me|my name|to me)\\b|\\btempting\\b|\\bstaring at\\b',

  // Stance
  intent:
    '\\b(?:going to|gon na|will|am doing it|doing it|do it|go through with it|plan|planned|planning|decided|ready to|about to|set (?:a|the) date|have it all|made up my mind|tryna|trying to|want to|wanna|need to|considering|thinking (?:about|of|abt)|tempted)\\b',
  time: '\\b\\d{1,2} ?(?:am|pm)\\b|\\bat (?:[1-9]|1[0-2])$|\\bat (?:[1-9]|1[0-2]) (?:tonight|o clock|sharp|exactly|in the morning)\\b|\\bafter this (?:last )?(?:text|message|one|chat)\\b|\\bat (?:midnight|dawn|sunrise)\\b|\\b(?:tonight|tonite|today|tomorrow|tmrw|this (?:weekend|week|month|afternoon|friday|saturday|sunday)|(?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|next week|by (?:morning|tomorrow|the weekend)|before (?:sunrise|the|my|morning)|after (?:work|the kids|my|i|new years|everyone)|when (?:my|everyone|the|i am alone|the weekend|i (?:get|am) (?:home|back|off|alone|done))|(?:waiting for|until|till|once) everyone (?:is asleep|falls? asleep|to fall asleep|leaves|goes to (?:bed|sleep))|once (?:i|the|my)|in (?:an hour|a few hours|\\d+ (?:hours|minutes))|soon as|the \\d{1,2}(?:st|nd|rd|th)|(?:christmas|birthday)|date)\\b',
  wish: '\\b(?:wish|wishes|wishing|hope|hopes|hoping|rather|would not mind|would not (?:be sad|be upset|care)|would be (?:nice|fine|a relief|easier)|be fine with me|ok with that|okay with that|want|wanna|pray|praying|keep picturing|keep thinking|think about|thinking about|sounds (?:more |so |really )?(?:peaceful|nice|good|restful|better|easier)|looking better|easier|deserve|relieved|be glad|be a relief|(?:nobody|no one) would (?:even )?(?:notice|care|miss me))\\b',
  amountQuestion:
    '\\b(?:does|do|would|will) (?:it|that|a \\w+(?: \\w+){0,4}) always work\\b|\\b(?:do|would|will|could) (?:people|you|u|ppl|anyone|i) survive\\b|\\bsurvivable\\b|\\bbest (?:place|spot|way) to\\b|\\bis (?:it|that|\\w+(?: \\w+)?) painless\\b|\\bis it (?:painful|peaceful|quick) to\\b|\\bhow do (?:you|u|i|ppl|people) (?:tie|make|do|get)\\b|\\bwhat (?:vein|artery|spot)\\b|\\bto be sure$|\\bwhich (?:is|would be|one is) (?:quicker|faster|less painful|more sure|surer|better|easier|more painless)\\b|\\bdoes (?:it|that|\\w+ing(?: out| yourself| myself)?|an? \\w+) hurt\\b|\\b(?:how (?:much|many|deep|high|tall|long does it take)|what (?:amount|dose|combo|height|would)|whats? (?:a|the) (?:dose|amount|max)|which pills|is \\d+ ?(?:g|grams|mg)? enough|enough to|would (?:a |that |it )|will it be|could i (?:take|od)|can (?:kratom|it) kill|the (?:least painful|easiest|fastest|most sure|best) way|best way to|how do (?:ppl|people)|lethal dose|lethal amount|i need to know how much|tell me the amount|max (?:you|u) can take)\\b|\\bhow long (?:would|will|do|does) (?:i|it|someone|you|u) (?:have|take|last)\\b|\\b(?:does|would|will) (?:\\w+ ){1,6}take long\\b|\\b(?:does|would|will) (?:it )?take a long time\\b|\\bhow high (?:does|would|do) (?:a |the )?(?:fall|drop|jump)\\b|\\bis (?:\\w+ ){0,4}(?:stories|storeys|floors|feet|ft|high|tall|deep) enough\\b|\\b(?:would|will|could|does|do|can) \\d+ ?(?:g|gs|grams|mg|tabs|pills|caps|capsules|shots)?\\b|\\b(?:someone|a person|somebody|a guy|a girl) (?:my|your|of my) (?:size|weight)\\b|\\b(?:tallest|highest) (?:bridge|building|point|place|spot|parking garage|cliff)\\b|\\b(?:is|was) (?:\\w+ ){0,4}(?:still )?the (?:tallest|highest)\\b|\\bwhich (?:\\w+ ){0,3}(?:is|would be) (?:the )?(?:tallest|highest|deepest|fastest|quickest)\\b',

  // What cancels
  history:
    '\\b(?:(?:freshman|sophomore|junior|senior) year|in (?:\\d+th|ninth|tenth|eleventh|twelfth) grade|(?:my|the|a) (?:past|previous|prior|old|last) (?:suicide )?attempts?|(?:been|it has been|it is been) (?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|few|some) (?:years?|yrs|decades?) since i|back in|in (?:19|20)\\d\\d|(?:19|20)\\d\\d(?! ?(?:mg|g|gs|grams|mcg|ml|pills|tabs|caps))|a decade ago|decade ago|when i was (?:\\d+|younger|a kid|a teen|little|in)|in (?:high school|college|middle school|my \\d+s|the past|my (?:teens|twenties|thirties|forties|early \\w+|late \\w+))|as a (?:kid|teen|teenager)|years (?:ago|back)|used to|survived|my first time|long time ago|a long time ago|long ago|ages ago|way back|(?<!at )once$|previous|prior|before i (?:found|started|got)|in my (?:records|chart|file)|not anymore|(?:a|that) (?:dark|bad|suicidal) (?:phase|time|period)|at (?:1[3-9]|[2-6]\\d)(?:$| and| when| but)|long gone|from my \\w+ days|in my \\w+ days|anniversary of my (?:overdose|od|attempt|suicide attempt)|when (?:he|she) was (?:\\d+|younger|a kid|a teen|little|in)|(?:he|she) is \\d+ now|i had at (?:1[3-9]|[2-6]\\d)|(?<!be )in a (?:good|better|much better|great) place|(?:my|an|a) (?:overdose|od|suicide|self harm|cutting) history|history of|i am \\d+ now|(?:my|the) old (?:self harm|cutting|scars|wounds|habits?|ways)|the old me|my scars|not doing (?:it|that) anymore|last time i (?:quit|stopped|tried|was|did)|(?<!be )in a (?:much )?better place|behind me|clean from that|doing (?:good|well|great) now|i am (?:stable|okay|ok|good) now|never again)\\b',
  /** Distress now, beside a history marker: "i used to think it gets better, now i want to die". */
  presentDistress:
    '\\b(?:urge|urges|thoughts|it) (?:is|are) back\\b|\\b(?:started|starting) again\\b|\\b(?:right now|tonight|(?<!ago )today|currently|these days|lately)\\b|\\b(?:again|still) (?:want|wanna|think|thinking|feel|feeling|plan|planning|going to)\\b|(?<!used to )(?<!\\bhad )\\b(?:want|wanna|going to|gon na|planning|plan|ready) to (?:die|kill|end|hurt|cut|overdose|jump|be gone|disappear)\\b',
  /** A past event, and words that bring it into the present. */
  pastEvent:
    '\\b(?:had|was|were|went|tried|overdosed|took|got|ended up|found (?:me|him|her|them)|passed away|(?:nearly|almost|near about|about) died)\\b',
  now: '\\b(?:now|right now|tonight|today|again|currently|still|this (?:morning|week))\\b',
  deathOfOther:
    '\\b(?:died|dies|lost (?:my|him|her) \\w+|lost \\w+ to|death of)\\b.{0,30}\\b(?:overdose|heart attack|suicide|cancer|of)\\b|\\b(?:my|his|her|our) (?:\\w+ )?(?:mom|dad|brother|sister|friend|mother|father|uncle|aunt|cousin|grandpa|grandma|grandmother|grandfather|granddad|nan|husband|wife|son|daughter|dog|cat|boy|girl|kid|neighbor|neighbors|buddy|coworker) (?:\\w+ )?(?:died|passed away|passed|committed suicide|killed (?:himself|herself|themselves)|took (?:his|her|their) own life)\\b',
  reportedQuestion:
    '\\b(?:doctor|doc|dr|nurse|therapist|counselor|counsellor|psychiatrist|clinic|screening|form|questionnaire|intake|pcp|prescriber|pharmacist|er|rehab|they|phq|appointment|sponsor)\\b.{0,40}\\b(?:asked|asks|ask|asking|wants to know|wanted to know|checked|checks|checking|screens|screened|question|questions|worried|thought|wondered|suspected)\\b|\\b(?:asked|asks) (?:me )?(?:if|about|whether)\\b|\\b(?:he|she|they|doc|dr|nurse|gp|therapist|shrink|counselor|counsellor|social worker|caseworker|case worker|psych|psychiatrist|va|hospital|clinic|urgent care) (?:\\w+ ){0,2}(?:asked|ask|asks|was like|goes|screen|screens|screened)\\b|\\basked (?:me )?(?:do|did|if|whether|about|bout|how|straight up|point blank)\\b|\\bscreened (?:me|him|her)\\b|\\bscreen(?:ed|ing|s)? (?:me |him |her |us )?for\\b|\\bthe suicide question\\b|\\b(?:hit|hits|hitting) me (?:with|w) the\\b|\\b(?:always|every time|every session|each time) (?:ask|asks|asked|checks?)\\b|\\b(?:safety|suicide|mental health) (?:check|checks|check in|questions?|screening|screen)\\b|^(?:my )?(?:doctor|doc|dr|nurse|therapist|counselor|counsellor|psychiatrist|psych|pcp|gp)$|\\b(?:questionnaire|screening|form|phq \\d|phq)\\b',
  assurance:
    '\\b(?:denied|denies|deny|denying) (?:any|all|it|them|having|that)\\b|\\ball (?:no s|nos|noes|clear)\\b|\\b(?:keep|kept) saying no\\b|\\b(?:like|said) no (?:maam|ma am|sir|way|thanks|thank you)\\b|\\b(?:said|say|says|told|tell|answered|answer (?:was|is)|was like|replied|checked|ticked|put|wrote|circled|marked)(?: \\w+){0,2} (?:no|nope|nah|never|none|zero|0|not(?! (?:sure|certain|really sure|anymore)\\b))\\b|\\b(?:always|every time) no\\b|\\bnot these days\\b|\\bnothing about\\b|\\bnot me\\b|\\b(?:honest truth|it is true|its true|is true|the truth)\\b|^(?:no|nope|nah|not at all)\\b|\\bnot at all\\b|\\bput (?:a )?(?:0|zero|no|none)\\b|\\bsafe now\\b|\\b(?:it was|was) (?:an )?accident\\b|\\b(?:said|told (?:her|him|them)) i (?:was|am) (?:fine|ok|okay|alright|safe|good)\\b|\\bi was like no\\b|^(?:no|nope|nah|no never|not really)$|\\b(?:told (?:her|him|them) (?:honestly |truthfully |straight )?no|said (?:absolutely |definitely |honestly )?(?:no|not)|i did not|was (?:a mix up|a mistake)|not really|no history|answered no|said no|no to (?:all|every|each)|all no|i never (?:have|did|would)|never have|(?:it|that) was not|was an accident|i was not|no i was not|(?:checked|ticked|circled|marked|put|wrote|clicked) no|it was (?:a|an) (?:bad )?(?:reaction|accident|mistake)|i am just (?:tired|sad|stressed|worn out))\\b|\\b(?:i am (?:safe|fine|okay|ok|good|not)|i feel safe|i said no|said not at all|told (?:her|him|them) no|i told her no|i answered no|i have not|i do not|i haven t|none|nope|never done it|just (?:routine|curious|wondering|annoyed)|i promise|not in danger|i laughed and said no|in a good mood|honestly no|nothing like that|scored (?:a )?(?:zero|0|low|nothing)|told (?:him|her|them) (?:that )?i (?:am|was) (?:doing )?(?:fine|ok|okay|alright|safe|good|well))\\b',
  kratomObject:
    '\\b(?:kratom|sevenoh|extract|extracts|shots|capsule|capsules|powder|habit|addiction|stash|flushing|flushed|this stuff|that stuff|the stuff(?! (?:i|you|we|he|she) )|dose|doses|last bag|bag|smoke shop|shop|dealer|vendor|vendors|plug|scale|capsule machine|quit|quitting|quit date|stop for good|clean|taper|using|dosing|trash|toilet)\\b',
  /**
   * What a soft ending word ("done for good", "ending it") may be about: kratom itself, the habit, a quit,
   * a vendor. Narrower than kratomObject: "clean", "using", "my dealer" are context, not what ends, so
   * "clean 30 days and tonight i end it" still reads as a death.
   */
  kratomThing:
    '\\b(?:kratom|sevenoh|extract|extracts|shots|capsule|capsules|powder|leaf|gummy|gummies|habit|addiction|stash|flushing|flushed|this stuff|that stuff|the stuff(?! (?:i|you|we|he|she) )|dose|doses|last bag|vendors?|plug|quit|quitting|quit date|stop for good|taper|trash|toilet)\\b|\\bwith (?:my |the )?dealer\\b',
  /** A clause that is only an apology ("sorry"), as after an overdose. */
  sorryAlone: '^(?:i am )?(?:so |really )?sorry(?: for everything| everyone)?$',
  /**
   * A goodbye addressed to kratom itself ("bye bye kratom", "wrote a goodbye letter to 7-OH", "threw out my
   * scale and bags"). Kratom only named beside a goodbye ("kratom ruined my life. this is goodbye") is not one.
   */
  kratomFarewell:
    '\\b(?:killed|kill|killing|kicked|kicking|beat|beating|ended|ending|broke|breaking) (?:my |the |this )?(?:\\w+ )?(?:habit|addiction)\\b|\\b(?:goodbye|good bye|bye|farewell|good riddance|so long|breakup|break up|breaking up|last|final)\\b(?: \\w+){0,6} (?:kratom|sevenoh|extracts?|shots?|capsules?|caps|powder|gumm(?:y|ies)|habit|addiction|stuff|plug|vendors?|dealers?|shop|stash|bags?|scale|using|dosing)\\b|\\b(?:goodbyes|letter|note|breakup letter|goodbye letter) to (?:kratom|sevenoh|extracts?|shots|capsules|powder|the stuff|my habit)\\b|\\b(?:kratom|sevenoh|extracts?|shots|capsules|powder) and (?:me|i) (?:are|were) (?:done|through|over|finished)\\b|\\bfuture self\\b|\\bwhen i am clean\\b|\\b(?:done|through|finished|over) with (?:kratom|sevenoh|extracts?|shots|capsules|powder|the stuff|this stuff|my habit|the habit|you)\\b|\\bno more (?:kratom|sevenoh|extracts?|shots|capsules|powder)\\b|\\b(?:kratom|sevenoh|extracts?|shots|capsules|powder) (?:free|is over|and i are (?:done|through|over))\\b|\\b(?:kratom|sevenoh|extracts?|shots|capsules?|powder|habit|addiction|stash)\\b(?: \\w+){0,3} (?:goodbye|bye|farewell|good riddance)\\b|\\b(?:gave|give|giving|threw|throw|throwing|tossed|flushed|flushing|dumped|dumping)\\b(?: \\w+){0,4} (?:kratom|sevenoh|extracts?|shots|capsules?|caps|powder|gumm(?:y|ies)|stash|bags?|scale|stuff)\\b',
  /** Kratom named as a struggle, not as what ends: "tried to quit so many times", "relapsed again". */
  quitFailed:
    '\\b(?:tried to|try to|trying to|can not|could not|failed to|never (?:could|can)) (?:quit|stop)\\b|\\brelapsed?\\b|\\bcut me off\\b',
  /** "not the kratom. me": the person says kratom is not what ends. */
  notKratom:
    '\\b(?:not|i do not mean) (?:talking |speaking )?(?:the |about (?:the )?|my )?(?:kratom|sevenoh|extract|shots|habit|stuff|addiction)\\b',
  /** The person says the death words were a figure of speech: "not literally", "jk". */
  notLiteral:
    '\\b(?:not literally|not for real|jk|just kidding|figuratively|figure of speech|not in a (?:suicidal|serious) way)\\b(?! (?:not|but not|or not) (?:jk|kidding|literally))',
  idiomOfOther:
    '\\b(?:said|says|say|saying|joked|jokes|joking|keeps saying|kept saying|keep saying|texted|told me|yelled|yells|groaning|moaning|complaining|whining|screaming)\\b',
  /**
   * Anchors: words a message must hold before the classifier may raise (detect.ts). A statistical score
   * on a message with none of them ("diarrhea again ugh") is noise, not a crisis the rules missed.
   */
  selfRiskAnchor:
    '\\b(?:gone|disappear|vanish|exist|existing|alive|living|live|life|end|ending|ended|numb|pointless|worthless|burden|hopeless|goodbye|bye|goodbyes|forever|permanently|wake|waking|wish i|pray|praying|rather|hurt|hurting|harm|cut(?! (?:down|back|it down|out|my (?:dose|doses|grams|intake|amount|caps|shots)|\\d|to \\d))|cutting(?! (?:down|back))|blade|razor|bleed|bleeding|bottle|rope|bridge|jump(?! (?:into|in|on|at|back|to|ship|start|through|right)\\b)|gun|die|dying|dead|death|kill|killing|suicide|suicidal|myself|purpose|enough|point|anymore|done|tonight|letters?|note|sleep)\\b|\\b(?:night|nite|hour|weekend|decided|decide|thats when|that is when|over for me|for good|final|permanent|permanently|under|logout|log off|unsubscribe|uninstall|quit life|rage quit|reset|deserve|deserved|better off (?:without|dead|gone|if i)|easier|insurance|without (?:me|a|the)|painless|stops|stop being|knot|weight|took|swallowed|downed|carved|wrist|thigh|hair|spoon|starving|not eating|everything|everythin|all of (?:them|em)|handful|full box|so someone knows|not (?:an )?accident|on purpose|garage|plane|crash|exit|unalive\\w*)\\b',
  emergencyAnchor:
    '\\b(?:breath\\w*|chest|heart|lips|pupils|awake|conscious|unconscious|wake|waking|blue|grey|gray|pale|faint\\w*|collaps\\w*|seiz\\w*|shaking|jerking|blood|bleed\\w*|swell\\w*|numb|drooping|confused|passed out|passing out|blacking out|blacked out|nodding|nod|drowsy|sedated|limp|floor|emergency|ambulance|hospital|overdos\\w*|overdose|swallowed|ate|drank|took|sleepy|stay up|head up|eyes open|fading|going under|arm|jaw|dizzy|sweat\\w*)\\b',
  /** The person says no to the thought ("i am not going to hurt myself", "no plans"): rules, not the classifier, read it. */
  denial:
    '\\b(?:not|never) (?:been |ever been |really )?(?:suicidal|going to|gon na|want to|wanting to|planning to|trying to|thinking (?:of|about)|suicidal|ever (?:going to|want))\\b|\\bi do not want to (?:die|kill|hurt|end|harm)\\b|\\bno (?:thoughts|plans?|intent|intention|urges?) (?:of|to|about)\\b',
  heartSpreadStrong:
    '\\b(?:jaw|left arm|my arm|arm|neck|shoulder|short of breath|out of breath|catch my breath|can not breathe|faint|pass out|passed out|blacked out|vision went dark|numb\\w*|tingl\\w*)\\b',
  /** Mild signs that also come with withdrawal: they make chest symptoms an emergency only when withdrawal is not named. */
  heartSpreadMild: '\\b(?:sweat\\w*|clammy|sick|weak|dizzy|nausea|shaky)\\b',
  /** The person names withdrawal as the cause ("day 2 off kratom", "its just withdrawal"). */
  withdrawalContext:
    '\\b(?:withdrawal|withdrawals|withdrawing|wd|detox|detoxing|day \\d+|\\d+ (?:hours?|hrs|days?|weeks?) (?:off|clean|without|no)|off kratom|off sevenoh|since (?:i )?(?:quit|stopped|cut back|cut down|came off|quitting|stopping)|tapering|taper|cold turkey|coming off|came off|quitting|(?:no|without) (?:kratom|sevenoh|a dose|my dose|dosing)|stopped (?:kratom|sevenoh|taking|dosing)|cutting back|restless legs|rls)\\b',
  justWithdrawal:
    '\\b(?:the )?(?:withdrawal|withdrawals|wd|sweats|detox) i mean\\b|\\bi mean the (?:withdrawal|withdrawals|wd|sweats|detox)\\b|\\b(?:it is|its|that is|thats) (?:just|only) (?:the )?(?:withdrawal|withdrawals|wd|detox)\\b|\\bknows? (?:that )?(?:it is|its) (?:just )?(?:the )?(?:withdrawal|withdrawals|wd|detox)\\b|\\b(?:the )?kratom flu talking\\b',
  /** An ordinary dose: "my usual dose", "2g to take the edge off". */
  usualDose:
    '\\b(?:usual|normal|regular|daily|morning|maintenance) (?:\\w+ )?(?:dose|doses|amount|capsules?|caps|tabs?|tablets?|shots?|scoops?|grams?)\\b|\\btake the edge off\\b|\\bslipped (?:up )?and (?:took|dosed)\\b',
  /** Everyday things a death word is said about in jest ("i will die if i do not get coffee"). */
  trivialObject:
    '\\b(?:coffee|caffeine|food|pizza|tacos|chocolate|snack|lunch|dinner|breakfast|shower|beer|cigarette|smoke|vape|game|games|phone|wifi|tv|show|series|episode|movie|concert|vacation|beach|shopping|mall|gym|workout|exam|test|homework|meeting|email|traffic|commute|heat|weather|laundry|dishes|kids|boss|mother in law)\\b',
  /** The last of the product ("my very last capsule"): an ending of kratom, not of a life. */
  lastDose:
    '\\b(?:(?:drank|took|had|drink|take) my (?:last|final|very last) one|(?:last|final|very last) (?:\\w+ )?(?:dose|doses|capsule|capsules|cap|caps|tablet|tablets|tab|tabs|shot|shots|gummy|gummies|bag|scoop|cup|gram|grams|pill|pills))(?: (?:of kratom|of sevenoh|ever|for good|forever))?\\b',
  /** Sleep talk: alarms, naps, beds, waking late. */
  sleepContext:
    '\\b(?:alarm|alarms|nap|napped|napping|pillow|couch|sofa|bedtime|went to bed|slept|overslept|asleep|sleep schedule|(?:go|going|gon na|went|get|getting|head|heading|off) to bed|bed early)\\b|\\b(?:till|until|til) (?:noon|morning|lunch|the afternoon|\\d)\\b',
  /** What makes someone else's words a figure of speech: a joke, a condition, a reaction. */
  figureMarker:
    '\\b(?:dramatic|dramatically|drama queen|over (?:his|her|their) (?:homework|exams?|test|grades|game|team|phone|hair))\\b|\\b(?:always (?:says|said)|likes to say|loves to say|joked|joking|jokes|kidding|lol|haha|if (?:she|he|they|i) (?:had|has|have|ate|eat|did|does|ever)|when (?:he|she|they) (?:saw|heard|got|found)|before (?:moving|going|giving)|rather die than|running joke|(?:if|when) (?:her|his|their) (?:team|boss|show|game|phone|car|hair|kids|order|flight|bill|gas bill)|when (?:he|she|they) (?:sees|hears|gets|loses|has to)|a joke|as a joke|every (?:single )?(?:monday|day|time|week|morning|meeting)|everyone laughed|we all laughed|just an expression|an expression|talk like that|talks like that|how (?:she|he|they) talks?|figure of speech)\\b',
  /**
   * A time that puts an event in the past: months or years ago, a named past season, "my history".
   * Hours and days are left out on purpose: "overdosed 2 hours ago" is an emergency now.
   */
  pastMarker:
    '\\bwhen i was (?:\\w+ing|drunk|using|younger|a kid|a teen|in (?:high school|college|the army|the service))\\b|\\b(?:sober|clean) (?:for )?(?:\\d+|a|two|three|four|five|six|many) (?:years?|yrs|months?)\\b|\\b(?:\\d+|a|one|two|three|four|five|six|few|couple of|many|some) (?:years?|yrs?|months?|mos|decades?) (?:ago|back|before)\\b|\\b(?:last|that) (?:summer|winter|spring|fall|autumn|year|christmas)\\b|\\b(?:my|the) (?:history|past)\\b|\\bin the past\\b|\\b(?:a )?long time ago\\b|\\bages ago\\b|\\b(?:been|it has been|it is been) (?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|few|some) (?:years?|yrs|months?|decades?) since\\b|\\b(?:years|decades) ago\\b|\\bold (?:scars?|cuts|self harm|wounds?)\\b|\\bscars?\\b(?: \\w+){0,4} (?:are|is) (?:old|from (?:years|a long time|way back))\\b|\\bex (?:suicidal|cutter|self harmer)\\b|\\bthe time (?:i|when i)\\b|\\b(?:one|that) time\\b|\\bback when\\b|\\bwake up call\\b|\\bscared me straight\\b|\\b(?:is|was) (?:why|what got me)\\b|\\bpart of my story\\b|\\bin my (?:teens|twenties|thirties|forties|fifties|youth)\\b|\\b(?:pero )?tapos na\\b',
  /** The person says they are well now: "doing good", "6 months clean", "i'm stable". */
  nowOkay:
    '\\b(?:those|that|it|they) (?:have |has )?passed\\b|\\bpast (?:it|that)\\b|\\bfelt (?:so )?(?:good|better)\\b|\\bbehind me\\b|\\b(?:is not|isn t|not) there (?:now|anymore)\\b|\\blearned my lesson\\b|\\bno longer\\b|\\bnow i (?:just )?want to (?:get off|quit|stop|taper|be clean)\\b|\\b(?:sober|clean) (?:for )?(?:\\d+|a|two|three|four|five|six|many) (?:years?|yrs|months?)\\b|\\b(?:i am|i feel|feeling|feel|doing|im|i m|i have been|been) (?:(?!not\\b|never\\b)\\w+ )?(?:ok|okay|fine|good|great|well|better|stable|safe|alright|proud|grateful|strong)\\b|\\b(?:\\d+|six|three|two) (?:days?|weeks?|months?|years?) (?:clean|sober|free|off)\\b|\\bday \\d+\\b|\\b(?:good|great|strong) support\\b|\\bgrateful\\b|\\bstill here\\b|\\bim (?:good|fine|ok|okay|stable)\\b|\\b(?:here|am here) (?:just |only )?for (?:the|my) (?:kratom )?(?:taper|quit)\\b|\\b(?:tapering|quitting|quit kratom|decided to quit)\\b',
  /**
   * Someone else's story, a song, a film, the news or a game: the death words are in what the person
   * read, watched, heard or played.
   */
  story:
    '\\b(?:memoir|biography|obituary|chapter \\d+|read about|reading about|watching|watched|talked about|told (?:us|me|the group) about|shared (?:about|that)|was telling (?:us|me)|line about|bars about|verse|rapper|bible|scripture|church|pastor|study|class|(?<!no )lecture|scenes|song|songs|lyric|lyrics|band|album|rapper|movie|movies|film|show|series|episode|documentary|docu|book|novel|story|(?<!(?:\\d|two|three|four|five|six|seven|eight|nine|ten|twenty) )stories|article|news|headline|report|video|youtuber|youtube|podcast|meme|thread|reddit|tiktok|scene|character|characters|sermon|priest|play|poem|western|game|gaming|played|playing|level|round|boss|respawn|valorant|fortnite|minecraft|dark souls|breaking bad|requiem|netflix|tv|radio|facebook|instagram|twitter|forum|forums|newspaper|the paper|online)\\b',
  /** A third person or people who died: "a guy who died from 7oh", "toddlers dying", "overdose deaths". */
  thirdDeath:
    '\\b(?:who|that) (?:\\w+ ){0,6}(?:died|dies)\\b|\\b(?:people|guys|men|women|kids|toddlers|children|teens|folks|patients|characters) (?:\\w+ ){0,2}(?:died|dying|dies)\\b|\\b(?:person|guy|man|woman|lady|fella|fellow|boy|girl|client|patient|character|jane|dog|cat|fish|goldfish|hamster|pet|teammate|everyone) (?:\\w+ ){0,4}(?:died|dies|committed suicide|killed (?:himself|herself)|overdosed|drank (?:himself|herself) to death|drinking (?:himself|herself) to death)\\b|\\b(?:overdose|od|kratom) deaths?\\b|\\bdeaths\\b|\\bhow many people died\\b',
  /** What an ending word says ended, when it may be kratom: "dead", "a funeral", "over", "goodbye". */
  endOfThing:
    '\\b(?:dead|funeral|buried|six feet under|killed it|rip|over|done|goodbye|bye|farewell|era|chapter|parted ways|good run|see ya|so long)\\b',
  /** An amount that is an overdose whatever the product: all of it, every pill, a hundred grams, enough. */
  amountTaken:
    '\\b(?:all (?:of )?(?:them|em|it|my|the|\\d+)|them all|every (?:pill|tablet|tab|capsule|cap|one|xanax|patch)|everything|everythin|whole|entire|handful|(?:the )?rest of (?:the|my)|double what|enough to|lethal|(?:\\d+|twelve|twenty|thirty|forty|fifty|sixty|a hundred) of (?:the|my|his|her|those|these|me)|\\d{3,} ?(?:g|mg|grams)?|jug of|full (?:box|bottle|pack|strip)|month s supply|stockpiled?)\\b',
  /** The person turns help away or wants it known: "not gonna call nobody", "so someone knows", "meant it". */
  refuseHelp:
    '\\b(?:not|never|do not|wont|will not) (?:going to |gon na )?(?:call|want help|want to be (?:saved|found)|be found|tell)\\b|\\b(?:so|thought) someone (?:should )?knows?\\b|\\b(?:it is|its) done(?: now)?$|\\bi know what i did\\b|\\bmeant (?:it|to do it|to)\\b|\\bnot (?:an )?accident\\b|\\bon purpose\\b|\\bdeliberate\\b|\\bso (?:i|it) (?:do not|never|will not|wont) wake\\b|\\bnot (?:wake|waking) up\\b|\\bcan feel it (?:starting|working)\\b',
  /** The person took something themselves: "i took", "i overdosed" (not a character in a film). */
  iIngested:
    '\\bi (?:\\w+ )?(?:took|swallowed|overdosed|ate|drank|downed|od|popped|injected|chugged)\\b|^(?:took|swallowed|overdosed|ate|drank|downed|popped|injected|chugged)\\b',
  /** "i know i'm not", "but i'm alright", "still here": a feeling of dying that the person says is not a fact. */
  notReally:
    '\\bi know (?:perfectly well |full well )?(?:i am not|i will not|i wont|i m not|it is not|its not|i am going to be ok)\\b|^(?:i am |im )?(?:alright|ok|okay|fine)$|\\bbut i am (?:alright|ok|okay|fine)\\b|\\bstill here\\b|\\bnot really\\b|\\bin (?:a|the) (?:good|best) way\\b|\\bthe good kind\\b',
  /** Said so the words are taken at their word: "sleep forever and not in the cute way". */
  notFigurative:
    '\\bnot (?:in )?(?:the|a) (?:cute|fun|good|nice|funny|normal|sleepy|nap|lazy|cozy|weekend) (?:way|kind|sense)\\b|\\band i mean (?:it|forever|for good|permanently)\\b|\\bnot (?:the|a) (?:nap|sleep|sleepy) kind\\b|\\bfor real this time\\b',
  /** About to sleep: "gonna pass out on the couch", "about to crash", "melatonin kicked in". */
  goingToSleep:
    '\\b(?:about to|gon na|going to|ready to|could|finally|will|im|i am) (?:\\w+ ){0,2}(?:pass out|crash|be unconscious|sleep|die in my bed)\\b|\\b(?:melatonin|pillow|my bed|the couch|netflix|gn|good night|goodnight|nap|slept|sleep hit)\\b',
  /** A measure of a dose ("what a teaspoon holds", "two scoops", "5 g"): an answer about an amount. */
  doseMeasure:
    '\\b(?:teaspoons?|tablespoons?|tsp|tbsp|scoops?|heaps?|heaping|palm|grams?|\\d+ ?(?:g|gs|mg)|capsules?|caps)\\b',
  /** An ending of a period of life, not of life: "end this chapter", "turn the page", "close that era". */
  chapterEnds:
    '\\b(?:end|ending|ended|close|closing|closed|turn|turning|turned) (?:this|a|that|the|my) (?:\\w+ )?(?:chapter|era|phase|page|season|part)\\b',
  /** A clause that introduces someone else's words: "my coworker said", "my cousin messaged the family chat". */
  speechFrame:
    '^(?:\\w+ ){0,5}(?:said|says|saying|joked|yelled|yells|texted|wrote|goes|told me|told us|messaged|posted|screamed|groaned|keeps saying|kept saying)(?: \\w+){0,3}$',
  /** A warning about a danger in general ("liver damage can kill you"), said to anyone, not a wish. */
  warning:
    '\\b(?:damage|it|that|this|relapse|kratom|withdrawal|overdose|mixing|alcohol|fentanyl|stuff|drugs?|habit|addiction|sevenoh|extracts?) (?:can|could|will|may|might) (?:\\w+ )?kill (?:you|u|people|someone|a person|anyone)\\b',
  /** "not with life": the person says their life is not what ends. */
  notLife: '\\bnot (?:with |about |ending |done with )?(?:my )?(?:life|living|myself|me)\\b',
  /** Withdrawal named by its signs (for a feeling of dying said of them). */
  withdrawalSymptom:
    '\\b(?:yawn\\w*|goosebumps|goose bumps|diarrhea|the runs|sweats|sweating|chills|runny nose|restless legs|rls|aches|achy|brain fog|insomnia|cramps|kratom flu|shakes|anxiety)\\b',
  /** The person speaks of themselves (a clause without it may be what someone else asked or said). */
  firstPerson: '\\b(?:i|me|myself|mine|im|my)\\b',
  /** "i want", "i will", "me too": the person's own stance beside someone else's words. */
  myStance:
    '\\bi (?:\\w+ )?(?:want|wanna|wish|will|am going|plan|need|feel the same)\\b|\\bme too\\b|\\bsame here\\b|\\bthat is me\\b',
  /** Words that make an ending about the person, not kratom: "die", "my life", "everything", "pills". */
  selfEnd:
    '\\b(?:die|dying|kill|killing|suicide|suicidal|myself|my life|wake up|waking up|alive|live|living|exist|existing|everything|it all|anything|pills|note|letters?|rope|gun|bridge|forever sleep|heaven|so am i|me too|and me|i am gone|i will be gone|lethal|fatal|wake|without me|earth|life|sleep|end it|end things|exit|saved|come back|heart|sorry|forgive|tried|beat it|in the end|nothing left|check out|checking out|go out)\\b',
} as const;

export type Concept = keyof typeof CONCEPTS;
/** The concepts found, plus `death`: a strong death word, or a soft one whose object is not kratom. */
export type Present = Record<Concept | 'death', boolean>;

type FoundKind = Exclude<DangerKind, 'none'>;

/** A rule over the concepts found in the message's current clauses (or one clause, where it says so). */
export interface ConceptRule {
  id: string;
  kinds: FoundKind[];
  /** 'clause': all concepts must sit in one clause; 'message': anywhere in the message's current clauses. */
  scope: 'clause' | 'message';
  /** A question asking for information ("can withdrawal cause seizures?") does not count for this rule. */
  notInQuestions?: boolean;
  /** `whole` holds every clause, cancelled ones too: what the message is about (kratom) even where it set words aside. */
  when: (p: Present, whole: Present) => boolean;
}

/** Things in the message that point at a death or harm (not only a body sign). */
const deathOrMeans = (p: Present) => p.death || p.means;

export const CONCEPT_RULES: ConceptRule[] = [
  // An overdose taken on purpose: 911 for the body and 988 for the person.
  {
    id: 'concept.deliberateOverdose',
    kinds: ['medical', 'suicide'],
    scope: 'message',
    when: (p) =>
      p.ingested &&
      (p.means || p.product) &&
      (p.death || p.harmPurpose || p.onPurpose || (p.farewell && !p.kratomFarewell && !p.lastDose)),
  },
  // A large amount taken, and then only "sorry": an overdose and a goodbye.
  {
    id: 'concept.overdoseApology',
    kinds: ['medical', 'suicide'],
    scope: 'message',
    // "ok i did it. 15 ambien and the rest of my kratom. sorry": the act told without a verb of taking.
    when: (p) => p.sorryAlone && (p.ingested || p.didIt) && (p.means || p.bulk || (p.didIt && p.amountTaken)),
  },
  // "already did it. whole bottle of tylenol an hour ago": the act done, and a whole supply named anywhere.
  {
    id: 'concept.didItOverdose',
    kinds: ['medical', 'suicide'],
    notInQuestions: true,
    scope: 'message',
    when: (p) => p.didIt && (p.bulk || p.amountTaken || p.means) && !p.kratomFarewell && !p.history,
  },
  // "took my husband's methadone, the whole bottle": taking and the whole supply told in two clauses.
  {
    id: 'concept.bulkAcrossClauses',
    kinds: ['medical', 'ambiguous'],
    notInQuestions: true,
    scope: 'message',
    when: (p) => p.iIngested && p.bulk && !p.history && !p.usualDose && !p.kratomFarewell,
  },
  // A whole supply taken at once: an overdose whatever the reason (911), and the question of why (988 with it).
  {
    id: 'concept.bulkIngestion',
    kinds: ['medical', 'ambiguous'],
    notInQuestions: true,
    scope: 'clause',
    when: (p) => p.ingested && p.bulk,
  },
  // A child and a product that went in their mouth: Poison Control and 911. Read over the whole message, and
  // also when the parent asks what to do ("my 2 year old ate a gummy, is she ok??"): a parent who asks is still
  // in an emergency. Not a feeding question, not one imagined ("what if he ever"), not a story from the past.
  {
    id: 'concept.childExposure',
    kinds: ['medical'],
    scope: 'message',
    when: (p) =>
      p.child &&
      p.swallowed &&
      p.product &&
      !p.feedingBaby &&
      !(p.childWhatIf && !p.childJustDid) &&
      !(p.childStorage && !p.pastEvent) &&
      !p.history,
  },
  // Another person, or me after a sedating dose, with a sign the body is in danger.
  {
    id: 'concept.personInDanger',
    kinds: ['medical'],
    notInQuestions: true,
    scope: 'clause',
    when: (p) => p.otherPerson && p.bodyDanger,
  },
  {
    id: 'concept.sedation',
    kinds: ['medical'],
    notInQuestions: true,
    scope: 'message',
    when: (p) =>
      p.sedatingProduct && p.sedation && (p.sedationStrong || !(p.usualDose || p.sleepContext || p.sleepyHabit)),
  },
  // Slow breathing with tiny pupils or nodding off: an opioid-like overdose even when no product is named.
  {
    id: 'concept.sedationSigns',
    kinds: ['medical'],
    notInQuestions: true,
    scope: 'message',
    when: (p) => p.bodyDanger && p.sedation && p.sedationStrong && !p.usualDose && !p.sleepyHabit,
  },
  {
    id: 'concept.heart',
    kinds: ['medical'],
    notInQuestions: true,
    scope: 'message',
    when: (p) =>
      (p.heartSign && p.heartSpread && !(p.withdrawalContext && p.heartSpreadMild && !p.heartSpreadStrong)) ||
      p.heartStrong,
  },
  {
    id: 'concept.heartStrong',
    kinds: ['medical'],
    notInQuestions: true,
    scope: 'clause',
    when: (p) => p.heartSign && p.death,
  },
  { id: 'concept.emergency', kinds: ['medical'], notInQuestions: true, scope: 'clause', when: (p) => p.emergencySign },
  // Yellow skin or eyes with confusion, a swollen belly or dark urine, told anywhere in the message: the liver failing.
  {
    id: 'concept.liverFailure',
    kinds: ['medical'],
    notInQuestions: true,
    scope: 'message',
    when: (p) => p.jaundice && p.liverFailureSign,
  },
  {
    id: 'concept.feelDyingAfterUse',
    kinds: ['medical'],
    notInQuestions: true,
    scope: 'message',
    when: (p) => p.feelDying && (p.sedatingProduct || p.ingested),
  },
  // A question seeking an amount or a way, with a death outcome.
  {
    id: 'concept.methodQuestion',
    kinds: ['suicide'],
    scope: 'message',
    when: (p) => p.amountQuestion && (p.deathStrong || p.deathSoft || p.endItWith || p.means),
  },
  { id: 'concept.methodAmount', kinds: ['suicide'], scope: 'clause', when: (p) => p.methodWay && p.amountQuestion },
  {
    id: 'concept.cutQuestion',
    kinds: ['ambiguous'],
    scope: 'clause',
    when: (p) => p.amountQuestion && (p.harmVerb || p.harmTool) && !p.kratomObject,
  },
  {
    id: 'concept.methodWay',
    kinds: ['ambiguous'],
    scope: 'clause',
    when: (p) => p.methodWay && (!p.kratomObject || p.means || p.ingested || p.willIngest),
  },
  // Intent with a time, about a death or a means.
  {
    id: 'concept.intentWithTime',
    kinds: ['suicide'],
    scope: 'message',
    when: (p) => (p.intent || p.time) && deathOrMeans(p) && !p.kratomObject,
  },
  { id: 'concept.intentDeath', kinds: ['suicide'], scope: 'clause', when: (p) => p.intent && p.death },
  // "doing it this weekend": intent and time with no object named. Unsure: ask.
  {
    id: 'concept.unnamedAct',
    kinds: ['ambiguous'],
    scope: 'message',
    when: (p, whole) => p.unnamedAct && !whole.kratomObject,
  },
  {
    id: 'concept.unnamedActWithTime',
    kinds: ['ambiguous'],
    scope: 'clause',
    when: (p) => p.doIt && p.time && !p.weOrYou && !p.kratomObject,
  },
  // "im gonna do it when everyones asleep. 2am": my own act, with its hour told in another clause.
  {
    id: 'concept.myActWithTime',
    kinds: ['ambiguous'],
    scope: 'message',
    when: (p) => p.doIt && p.myStance && p.time && !p.weOrYou && !p.kratomObject && !p.kratomThing,
  },
  // Preparation or a farewell: ask; with death or means: 988.
  {
    id: 'concept.preparation',
    kinds: ['suicide'],
    scope: 'message',
    when: (p) => (p.preparation || p.farewell) && deathOrMeans(p) && !(p.kratomObject && !p.ingested && !p.willIngest),
  },
  {
    id: 'concept.farewell',
    kinds: ['ambiguous'],
    // Clause by clause: "end of the road for me and extract shots" says goodbye to kratom in the same breath,
    // while "43 days no kratom didnt matter. bye" names kratom elsewhere and still says goodbye.
    scope: 'clause',
    when: (p, whole) =>
      (p.preparation || p.farewell) &&
      !whole.kratomFarewell &&
      !whole.lastDose &&
      !whole.signOff &&
      !(
        (p.kratomObject || p.kratomThing) &&
        !p.preparation &&
        !p.death &&
        !p.means &&
        !p.wish &&
        !p.otherPerson &&
        !p.weOrYou
      ),
  },
  // A lethal means and a pull towards it, with nothing about kratom: "the rope is looking good rn".
  {
    id: 'concept.meansLure',
    kinds: ['suicide'],
    scope: 'clause',
    when: (p) => p.lethalMeans && (p.lure || p.wish) && !p.kratomObject && !p.otherPerson,
  },
  // An overdose or a death "on purpose", even as a question: ask.
  {
    id: 'concept.purposeQuestion',
    kinds: ['ambiguous'],
    scope: 'message',
    when: (p) => p.onPurpose && (p.means || p.deathStrong) && !p.otherPerson,
  },
  // A wish to be dead or gone.
  { id: 'concept.passiveWish', kinds: ['suicide'], scope: 'clause', when: (p) => p.wish && (p.death || p.endsMe) },
  // Self-harm of any kind.
  {
    id: 'concept.selfHarm',
    kinds: ['suicide'],
    scope: 'clause',
    when: (p) =>
      p.selfHarmWord ||
      (p.harmTarget && p.harmTool) ||
      (p.harmTarget && p.harmPurpose) ||
      (p.harmVerb && (p.harmTarget || p.harmTool) && (p.harmPurpose || p.intent || p.time)),
  },
  { id: 'concept.harmToMyself', kinds: ['ambiguous'], scope: 'clause', when: (p) => p.harmVerb && p.harmTarget },
  { id: 'concept.selfHarmPurpose', kinds: ['suicide'], scope: 'message', when: (p) => p.harmVerb && p.harmPurpose },
  // Unsure means ask: death words about me that nothing above explained.
  { id: 'concept.deathTouch', kinds: ['ambiguous'], scope: 'clause', when: (p) => p.death && !p.otherPerson },
];

/** Message-level cancellers: which concepts make a clause's danger not the person's own, now. */
export function clauseCancelled(p: Present, message: Present, before?: Present): string | undefined {
  if (p.history && !p.presentDistress) return 'history';
  // "had a seizure once, long time ago": the history marker may sit in the next clause.
  if (message.history && p.pastEvent && !p.now) return 'history';
  if (p.deathOfOther && !p.bodyDanger && !p.emergencySign) return 'deathOfOther';
  // "overdosed 2 yrs ago, now 6 months clean": a past time and the person well now, nothing pulling it into today.
  if (message.pastMarker && message.nowOkay && !p.presentDistress && !(p.now && (p.wish || p.intent)) && !p.myStance)
    return 'historyNowOkay';
  // Only a death or farewell word is explained away below: a body sign, a swallowed product or a child never is.
  // (Functions, not values: each concept costs a pattern scan, and most clauses are settled before they are asked.)
  const bodyOrChild = () =>
    p.bodyDanger ||
    p.emergencySign ||
    p.sedation ||
    p.heartSign ||
    p.heartStrong ||
    (p.swallowed && !p.thirdDeath) ||
    p.bulk;
  // Harm done by someone else in the story ("a woman on the show was cutting herself") is told, not meant.
  const deathTalk = () =>
    p.death || p.deathSoft || p.farewell || p.thirdDeath || (p.harmVerb && p.otherPerson && !p.firstPerson);
  // A song, a film, the news, a game, or someone else who died: the words are in what the person saw or heard.
  // A harm named on my body, a goodbye written by me (not "someone wrote a note"), my own stance.
  const aboutMe = () =>
    p.iIngested ||
    (p.harmTarget && p.harmVerb) ||
    p.lethalMeans ||
    (p.preparation && (p.firstPerson || !p.otherPerson)) ||
    p.myStance;
  // The story may be named in the clause before ("a thread someone wrote: wds make you wish you were dead").
  const storyHere = p.story || p.thirdDeath || (message.story && !p.intent && (!p.wish || p.weOrYou));
  // "the character in my book took an overdose": someone in the story took it, not me.
  const storyAct = () => p.ingested && !p.iIngested;
  if (storyHere && (deathTalk() || p.means || storyAct()) && !aboutMe() && !bodyOrChild() && !p.deathSlang)
    return 'story';
  // Someone else's words, introduced in the clause before ("my coworker said"), with a sign they were a figure of speech.
  if (
    before?.speechFrame &&
    before.otherPerson &&
    (message.figureMarker || (message.trivialObject && !message.time)) &&
    !bodyOrChild() &&
    !p.means &&
    !p.lethalMeans
  )
    return 'figureOfOther';
  // "liver damage can kill you": a warning about a danger in general, not about me now.
  if (p.warning && !p.myStance && !p.iIngested && !p.amountQuestion && !p.methodWay && !bodyOrChild()) return 'warning';
  // "my sister had a seizure last year, she's fine now": someone else's past, months or years ago.
  if (p.otherPerson && p.pastEvent && message.pastMarker && !p.now && !p.myStance && !p.iIngested)
    return 'othersHistory';
  // "feel like i'm dying, but i know i'm not": a feeling the person names as not a fact.
  if (
    message.feelAwful &&
    message.notReally &&
    !p.wish &&
    !p.means &&
    !p.ingested &&
    !p.harmTarget &&
    !p.farewell &&
    !p.preparation &&
    !bodyOrChild()
  )
    return 'feelingNotFact';
  // "gonna pass out on the couch", "sleep hit me like a ton of bricks": sleep, with nothing taken and no harm meant.
  if (
    message.goingToSleep &&
    (p.goingToSleep || p.sleepContext) &&
    !bodyOrChild() &&
    !p.heartSpread &&
    !message.sedatingProduct &&
    !message.ingested &&
    !p.harmPurpose &&
    !p.harmTool &&
    !p.selfHarmWord &&
    !p.wish &&
    !p.otherPerson &&
    !p.bodyDanger &&
    !p.deathSlang &&
    !message.notFigurative
  )
    return 'sleepTalk';
  // "kratom is dead to me", "a funeral for my habit": kratom is named where the ending is, and nothing in the
  // message names the person's own life, a way, an amount or a wish.
  if (
    p.endOfThing &&
    (message.kratomThing || message.kratomFarewell || message.lastDose || message.product) &&
    !message.notKratom &&
    !bodyOrChild() &&
    (!message.selfEnd || message.notLife) &&
    !message.amountQuestion &&
    !message.methodWay &&
    !message.wish &&
    !message.preparation &&
    !(p.ingested && !message.lastDose) &&
    !p.means &&
    !p.harmTarget &&
    !p.lethalMeans
  )
    return 'kratomEnds';
  if (p.reportedQuestion && message.assurance) return 'reportedQuestion';
  // "the one about being better off dead ... i said not at all": what was asked, named in a clause of its own.
  if (
    message.reportedQuestion &&
    (message.assurance || message.denial) &&
    !p.firstPerson &&
    (p.weOrYou || (!p.intent && !p.wish)) &&
    !p.time &&
    !p.means &&
    !p.preparation &&
    !p.farewell &&
    !bodyOrChild()
  )
    return 'reportedQuestion';
  if (p.idiomOfOther && p.otherPerson && (p.figureMarker || message.figureMarker)) return 'figureOfOther';
  // "i want to die lol not literally": said as a figure of speech, with nothing about a way, a time or a body.
  if (
    message.notLiteral &&
    !p.means &&
    !p.ingested &&
    !p.time &&
    !p.harmTarget &&
    !p.preparation &&
    !p.farewell &&
    !p.bodyDanger &&
    !p.lethalMeans
  )
    return 'notLiteral';
  // "i feel like i'm dying but i know it's just withdrawal": the person names the cause, and nothing else points at harm.
  if (
    message.justWithdrawal &&
    !p.means &&
    !p.ingested &&
    !p.harmTarget &&
    !p.wish &&
    !p.intent &&
    !p.bodyDanger &&
    !p.heartStrong
  )
    return 'justWithdrawal';
  // "day 4 and i feel like i'm dying": a body in withdrawal, with nothing about a wish, a way, a time or a danger sign.
  if (
    p.feelAwful &&
    (message.withdrawalContext || message.withdrawalSymptom) &&
    !p.means &&
    !p.ingested &&
    !p.wish &&
    !p.intent &&
    !p.bodyDanger &&
    !p.heartStrong &&
    !p.emergencySign &&
    !p.farewell
  )
    return 'withdrawalFeeling';
  // A death word about coffee or traffic, with nothing about a way, a body or a goodbye.
  if (
    p.trivialObject &&
    p.death &&
    !p.deathSlang &&
    !p.means &&
    !p.harmTarget &&
    !p.ingested &&
    !p.farewell &&
    !p.preparation &&
    !p.time
  )
    return 'trivialObject';
  return undefined;
}
