import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../config';

/**
 * The optional language model. It may phrase or extract; it never decides anything about safety or risk.
 * Any @langchain/core chat model: the OpenAI-compatible client, or a fake chat model in tests.
 */
export type ChatModel = BaseChatModel;

/**
 * The configured chat model, or undefined when none is set (the default: everything works without one).
 * @langchain/core is loaded only here, when a model is configured: about a tenth of a second of start-up.
 */
export async function createChatModel(llm: Config['llm']): Promise<ChatModel | undefined> {
  if (!llm) return undefined;
  const { OpenAICompatibleChatModel } = await import('./openAICompatibleModel');
  return new OpenAICompatibleChatModel({
    baseUrl: llm.baseUrl,
    model: llm.model,
    apiKey: llm.apiKey,
    timeoutMs: llm.timeoutMs,
    maxRetries: 0,
  });
}
