import type { BaseMessageLike } from '@langchain/core/messages';
import { measure, READING_RULES } from '../../platform/content/readability';
import type { ChatModel } from '../../platform/nlu/model';

/** What the model may rephrase: a verbatim answer, the person's question, and the only text it may draw on. */
export interface PhrasingRequest {
  question: string;
  /** The verbatim answer (an explainer's summary); used as-is whenever anything goes wrong. */
  answer: string;
  /** Everything the retrieved content says on the topic; the rephrasing may not add facts beyond it. */
  source: string;
}

export type PhrasingResult = { text: string; by: 'model' } | { text: string; by: 'verbatim'; reason: string };

/**
 * Names of medicines and drugs the rephrasing may only use when the source does. Lower case; matched as
 * whole words. Not user-facing: a guard list for checking model output.
 */
const MEDICINE_NAMES = [
  'buprenorphine',
  'suboxone',
  'subutex',
  'sublocade',
  'zubsolv',
  'methadone',
  'naltrexone',
  'vivitrol',
  'naloxone',
  'narcan',
  'clonidine',
  'lofexidine',
  'lucemyra',
  'gabapentin',
  'neurontin',
  'pregabalin',
  'lyrica',
  'tramadol',
  'oxycodone',
  'hydrocodone',
  'morphine',
  'fentanyl',
  'codeine',
  'heroin',
  'kratom',
  'benzodiazepine',
  'benzodiazepines',
  'benzo',
  'benzos',
  'xanax',
  'alprazolam',
  'valium',
  'diazepam',
  'klonopin',
  'clonazepam',
  'ativan',
  'lorazepam',
  'loperamide',
  'imodium',
  'hydroxyzine',
  'trazodone',
  'melatonin',
  'ibuprofen',
  'acetaminophen',
  'paracetamol',
  'tylenol',
  'advil',
  'aspirin',
  'naproxen',
  'kava',
  'phenibut',
  'tianeptine',
  'sertraline',
  'fluoxetine',
  'bupropion',
  'mirtazapine',
  'quetiapine',
  'antidepressant',
  'antidepressants',
  'mg',
  'mcg',
  'milligram',
  'milligrams',
  'microgram',
  'micrograms',
  'ml',
  'tablet',
  'tablets',
  'pill',
  'pills',
];
const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundred',
  'thousand',
  'half',
  'double',
  'twice',
  'dozen',
  'once',
  'percent',
];
/** The rephrasing may be at most this much longer than the verbatim answer, and at least this share of it. */
const MAX_LENGTH_RATIO = 1.5;
const MIN_LENGTH_RATIO = 0.3;

const INSTRUCTIONS = [
  "You rewrite a short answer from a kratom recovery coach so that it speaks to the person's question.",
  'Use only facts that are in SOURCE. Do not add facts, numbers, medicine names, doses or advice.',
  'Write 2 to 4 short sentences in plain words a 12-year-old can read, each under 20 words. Speak to the person as "you".',
  'Reply with the rewritten answer only.',
].join(' ');

/** Why a rephrasing cannot be shown, or undefined when it passes every check. */
export function rephrasingProblem(output: string, request: PhrasingRequest): string | undefined {
  const text = output.trim();
  if (!text) return 'empty';
  const reading = measure(text);
  const answerWords = measure(request.answer).words;
  if (reading.words > Math.max(answerWords * MAX_LENGTH_RATIO, 20)) return 'too long';
  if (reading.words < answerWords * MIN_LENGTH_RATIO) return 'too short';
  if (reading.grade !== undefined && reading.grade > READING_RULES.maxGrade) return 'reading grade too high';
  if (reading.longestSentence > READING_RULES.maxSentenceWords) return 'sentence too long';
  const source = `${request.source}\n${request.answer}`.toLowerCase();
  const sourceNumbers = new Set(source.match(/\d+(?:\.\d+)?/g) ?? []);
  if ((text.match(/\d+(?:\.\d+)?/g) ?? []).some((n) => !sourceNumbers.has(n))) return 'number not in the source';
  const sourceWords = new Set(source.match(/[a-z]+/g) ?? []);
  const outputWords = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (outputWords.some((w) => NUMBER_WORDS.includes(w) && !sourceWords.has(w))) return 'number not in the source';
  if (outputWords.some((w) => MEDICINE_NAMES.includes(w) && !sourceWords.has(w)))
    return 'medicine name not in the source';
  const links = text.toLowerCase().match(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|gov|net|io)\b/g) ?? [];
  if (links.some((link) => !source.includes(link))) return 'link not in the source';
  return undefined;
}

class TimeoutError extends Error {}

/**
 * Rephrases an explainer to fit the person's question when a chat model is configured. The model only
 * phrases: the output is checked (length, reading grade, no numbers, medicine names or links the source
 * lacks) and the verbatim answer is used whenever there is no model, the check fails, the model errors
 * or it is slower than timeoutMs.
 */
export class ExplainerPhraser {
  constructor(
    private readonly model: ChatModel | undefined,
    private readonly options: { timeoutMs: number },
  ) {}

  get enabled(): boolean {
    return this.model !== undefined;
  }

  async phrase(request: PhrasingRequest): Promise<PhrasingResult> {
    if (!this.model) return { text: request.answer, by: 'verbatim', reason: 'no model' };
    let output: string;
    try {
      output = await this.ask(this.model, request);
    } catch (error) {
      return {
        text: request.answer,
        by: 'verbatim',
        reason: error instanceof TimeoutError ? 'timeout' : 'model error',
      };
    }
    const cleaned = output
      .trim()
      .replace(/^["“]([\s\S]*)["”]$/, '$1')
      .trim();
    const problem = rephrasingProblem(cleaned, request);
    return problem ? { text: request.answer, by: 'verbatim', reason: problem } : { text: cleaned, by: 'model' };
  }

  private async ask(model: ChatModel, request: PhrasingRequest): Promise<string> {
    const { timeoutMs } = this.options;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`no answer in ${timeoutMs} ms`)), timeoutMs);
    });
    // Role/text pairs, which the model turns into messages: this module loads nothing of @langchain/core.
    const prompt: BaseMessageLike[] = [
      ['system', INSTRUCTIONS],
      [
        'human',
        `QUESTION:\n${request.question}\n\nSOURCE:\n${request.source}\n\nANSWER TO REWRITE:\n${request.answer}`,
      ],
    ];
    try {
      const reply = await Promise.race([model.invoke(prompt, { signal: AbortSignal.timeout(timeoutMs) }), timeout]);
      return reply.text;
    } finally {
      clearTimeout(timer);
    }
  }
}
