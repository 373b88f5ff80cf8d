import type { BaseMessageLike } from '@langchain/core/messages';
import type { Runnable } from '@langchain/core/runnables';
import type { z } from 'zod';
import type { ChatModel } from '../../../platform/nlu/model';
import { amountFromMention, amountMentionSchema, readAmount } from './amount';
import {
  earlierStopFromMention,
  earlierStopMentionSchema,
  productsFromMention,
  productsMentionSchema,
  readCapsuleSize,
  readEarlierStop,
  readGoal,
  readProducts,
  readSubstances,
  readTimes,
  readYesNo,
  readZip,
  substancesFromMention,
  substancesMentionSchema,
  timesFromMention,
  timesMentionSchema,
} from './choices';
import { durationFromMention, durationMentionSchema, readDuration } from './duration';
import {
  type ExtractField,
  type Extraction,
  extractionSchemaFor,
  type ExtractRequest,
  extractRequestSchema,
} from './schemas';
import type { ExtractionPrompts, Vocabulary } from './vocabulary';

/** Free-text understanding for the intake: one request in, one zod-validated extraction out. */
export type IntakeExtractor = Pick<Runnable<ExtractRequest, Extraction>, 'invoke'>;

/** Where an extraction came from, for logs and tests (never the text itself). */
export type ExtractionSource = 'rules' | 'model' | 'rules-after-model-failure';

export interface ExtractorOptions {
  vocabulary: Vocabulary;
  prompts: ExtractionPrompts;
  model?: ChatModel;
  timeoutMs?: number;
  /** Called once per extraction with where it came from and, on a model failure, a short reason. */
  onOutcome?: (outcome: { field: ExtractField; source: ExtractionSource; failure?: string }) => void;
}

/** Typed helper for callers that know their field. */
export async function extractField<F extends ExtractField>(
  extractor: IntakeExtractor,
  request: ExtractRequest & { field: F },
): Promise<Extraction<F>> {
  return (await extractor.invoke(request)) as Extraction<F>;
}

/** The deterministic reader: works offline, always answers, never throws. */
export function extractWithRules(request: ExtractRequest, vocab: Vocabulary): Extraction {
  const now = new Date(request.now);
  switch (request.field) {
    case 'amount':
      return amountFromMention(readAmount(request.text, vocab), vocab, { gramsPerCapsule: request.gramsPerCapsule });
    case 'capsuleSize':
      return readCapsuleSize(request.text, vocab);
    case 'duration':
      return durationFromMention(readDuration(request.text, vocab, now), now);
    case 'timesPerDay':
      return timesFromMention(readTimes(request.text, vocab), vocab);
    case 'products':
      return productsFromMention(readProducts(request.text, vocab));
    case 'substances':
      return substancesFromMention(readSubstances(request.text, vocab));
    case 'yesNo':
      return readYesNo(request.text, vocab);
    case 'earlierStop':
      return earlierStopFromMention(readEarlierStop(request.text, vocab));
    case 'goal':
      return readGoal(request.text, vocab);
    case 'zip':
      return readZip(request.text);
  }
}

/** Fields worth a model call; the rest are short, button-like answers the rules read reliably. */
type ModelField = keyof ExtractionPrompts['fields'];
interface ModelFieldSpec {
  schema: z.ZodType;
  /** Called only with what `schema` parsed from the model's reply. */
  convert(mention: unknown, request: ExtractRequest, vocab: Vocabulary): Extraction;
}

/** Pairs a mention schema with its converter, so the converter sees the schema's own type. */
function modelField<S extends z.ZodType>(
  schema: S,
  convert: (mention: z.infer<S>, request: ExtractRequest, vocab: Vocabulary) => Extraction,
): ModelFieldSpec {
  return { schema, convert: (mention, request, vocab) => convert(mention as z.infer<S>, request, vocab) };
}

const MODEL_FIELDS: Record<ModelField, ModelFieldSpec> = {
  amount: modelField(amountMentionSchema, (m, r, v) => amountFromMention(m, v, { gramsPerCapsule: r.gramsPerCapsule })),
  duration: modelField(durationMentionSchema, (m, r) => durationFromMention(m, new Date(r.now))),
  timesPerDay: modelField(timesMentionSchema, (m, _r, v) => timesFromMention(m, v)),
  products: modelField(productsMentionSchema, (m) => productsFromMention(m)),
  substances: modelField(substancesMentionSchema, (m) => substancesFromMention(m)),
  earlierStop: modelField(earlierStopMentionSchema, (m) => earlierStopFromMention(m)),
};

class ModelFailure extends Error {}

function firstJsonObject(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) throw new ModelFailure('no JSON object');
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new ModelFailure('invalid JSON');
  }
}

async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ModelFailure('timeout'));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Safety merge: the model may add a product or a substance the rules missed, never drop one they
 * found; and a model that understood less than the rules does not win.
 */
function merge(rules: Extraction, model: Extraction): Extraction {
  if (model.status !== 'ok') return rules.status === 'ok' || rules.status === 'needsCapsuleSize' ? rules : model;
  if (rules.status !== 'ok') return model;
  if (model.field === 'products' && rules.field === 'products') {
    const products = [...new Set([...rules.value.products, ...model.value.products])];
    return { ...model, value: { products } };
  }
  if (model.field === 'substances' && rules.field === 'substances') {
    const substances = [...new Set([...rules.value.substances, ...model.value.substances])];
    return { ...model, value: { substances } };
  }
  if (model.field === 'amount' && rules.field === 'amount') {
    return { ...model, value: { ...model.value, adds: [...new Set([...rules.value.adds, ...model.value.adds])] } };
  }
  return model;
}

/**
 * The intake extractor. Without a model it is the rule-based reader. With one it is a @langchain/core
 * Runnable: the model reads the words into JSON (validated once as a mention), the same conversions
 * turn that into an extraction (validated again), and on any failure or timeout the rules answer.
 */
export async function createIntakeExtractor(options: ExtractorOptions): Promise<IntakeExtractor> {
  const { vocabulary, prompts, model, timeoutMs = 4000, onOutcome } = options;
  const extract = async (input: ExtractRequest): Promise<Extraction> => {
    const request = extractRequestSchema.parse(input);
    const checkedRules = extractionSchemaFor(request.field).safeParse(extractWithRules(request, vocabulary));
    const rules = checkedRules.success
      ? (checkedRules.data as Extraction)
      : ({ field: request.field, status: 'unclear' } as Extraction);
    const spec = request.field in MODEL_FIELDS ? MODEL_FIELDS[request.field as ModelField] : undefined;
    if (!model || !spec || request.text.trim() === '') {
      onOutcome?.({ field: request.field, source: 'rules' });
      return rules;
    }
    try {
      const messages: BaseMessageLike[] = [
        ['system', `${prompts.system}\n${prompts.fields[request.field as ModelField]}`],
        ['human', request.text],
      ];
      const reply = await withTimeout((signal) => model.invoke(messages, { signal }), timeoutMs);
      const mention = spec.schema.safeParse(
        firstJsonObject(typeof reply.content === 'string' ? reply.content : reply.text),
      );
      if (!mention.success) throw new ModelFailure('JSON did not match the mention schema');
      const checked = extractionSchemaFor(request.field).safeParse(spec.convert(mention.data, request, vocabulary));
      if (!checked.success) throw new ModelFailure('extraction did not validate');
      onOutcome?.({ field: request.field, source: 'model' });
      return merge(rules, checked.data as Extraction);
    } catch (error) {
      const failure = error instanceof ModelFailure ? error.message : 'model call failed';
      onOutcome?.({ field: request.field, source: 'rules-after-model-failure', failure });
      return rules;
    }
  };
  // Without a model there is nothing to trace, and a Runnable's run bookkeeping would cost more than the
  // rules; nor is @langchain/core loaded (with a model, the model has loaded it already).
  if (!model) return { invoke: extract };
  const { RunnableLambda } = await import('@langchain/core/runnables');
  return RunnableLambda.from(extract);
}
