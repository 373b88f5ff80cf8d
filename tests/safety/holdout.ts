import type { CorpusEntry, CorpusStyle } from './corpus';
import type { DangerKind } from '../../src/safety/types';

/**
 * A second labelled set, written after the rules existed and run against them once before any rule
 * was changed. Its first-run numbers are kept in README; explicit misses found here were fixed
 * (they must never be missed), the rest are reported as they are.
 */
const entries = (kind: DangerKind, style: CorpusStyle, texts: string[]): CorpusEntry[] => texts.map((text) => ({ text, kind, style }));

export const holdout: CorpusEntry[] = [
  ...entries('medical', 'explicit', [
    'my girlfriend just passed out after taking her kratom with a few drinks',
    "help, my son isn't breathing",
    'I swallowed too many pills',
    "I've got crushing chest pain",
    "call 911 for me, I can't breathe",
    'my roommate is blue and not moving',
    'I took 40 grams and I think I overdosed',
  ]),
  ...entries('medical', 'indirect', [
    "I'm on 7oh and took some of my mom's percocet, now everything is spinning and I feel like I'm fading",
    'my breathing keeps stopping when I doze off',
    "my dog got into my kratom bag and ate a bunch",
    "he's making snoring gurgling sounds and we can't get him to wake",
    "can't catch my breath at all and my chest is so tight",
  ]),
  ...entries('medical', 'misspelled', ['my bruther ODd and is not brething', 'im overdosin', 'chestt painnn', 'my frend is having a ceizure']),
  ...entries('suicide', 'explicit', [
    "I'm going to end my life",
    'I want to commit suicide',
    "I've decided to kill myself",
    "I'm planning my suicide",
    "I'm going to hang myself",
    'I want to die so bad',
    "I don't want to be alive anymore",
    'I tried to kill myself last night',
    "I'm going to overdose tonight so I don't have to feel this",
  ]),
  ...entries('suicide', 'indirect', [
    "I won't be a problem for anyone much longer",
    "I've made my peace and I'm ready to go",
    "the world would be better without me in it",
    "I just want to go to sleep forever and not deal with anything",
    "I keep thinking everyone would be happier if I was dead",
    "my friend said she's going to end it tonight",
    "I've been stockpiling my pills",
    "I don't see myself being around much longer",
  ]),
  ...entries('suicide', 'misspelled', ['i wana die', 'gona kill my self', 'suicidall thoughts', 'i want to end it al', 'im gonna end my lif']),
  ...entries('severeWithdrawal', 'explicit', [
    "I can't stop vomiting and it's been 3 days",
    "I'm seeing spiders that aren't real",
    'I passed out twice today',
    "I've been shaking so bad I can't hold a cup, I stopped drinking too",
    'my temperature is 103',
  ]),
  ...entries('severeWithdrawal', 'indirect', [
    "I haven't been able to drink water since yesterday without puking",
    "I'm so dehydrated I can barely stand",
    "I'm 20 weeks pregnant and I stopped kratom 2 days ago",
    "my heart feels like it's skipping and racing all night",
  ]),
  ...entries('severeWithdrawal', 'misspelled', ['been puking nonstop', 'im halucinateing']),
  ...entries('ambiguous', 'indirect', [
    "I'm so tired of everything",
    "I honestly don't know how much longer I can do this",
    'nothing matters anymore',
    "I just want it to be over",
    "I'm at the end of my rope",
    "I don't care what happens to me anymore",
    "this pain is killing me",
  ]),
  ...entries('none', 'benign', [
    "I'm dying for a coffee",
    "my legs are killing me, is that normal in withdrawal?",
    'I got through day 3 without using',
    'withdrawal is rough but I am okay',
    'my sister is driving me crazy',
    'I want to kill the cravings for good',
    'I beat my personal best at the gym and nearly died lol',
    "I'm not going to kill myself, relax, I just hate this",
    'what are the signs of an overdose?',
    'is chest tightness normal in kratom withdrawal?',
    'my uncle died of an overdose years ago, that is why I want to quit',
    'can withdrawal cause seizures?',
    "I'm pregnant and worried about kratom, what should I do",
    'this show is to die for',
    'my phone is not responding',
    "I couldn't breathe from laughing so hard",
    'I drank too much coffee',
    'I had too many cravings today',
    'my cat knocked over my kratom jar',
    'killer workout today',
    'I want to end my dependence on kratom',
    'I used to take 30 grams but now I take 10',
    "I'm so done with 7oh",
    'shot my shot and asked her out',
    'I have a plan to taper by 10% a week',
  ]),
];
