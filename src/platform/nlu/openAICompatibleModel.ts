import { type BaseChatModelParams, SimpleChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';

export interface OpenAICompatibleOptions extends BaseChatModelParams {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

const ROLE_BY_TYPE: Record<string, string> = { system: 'system', human: 'user', ai: 'assistant' };

/**
 * One small client for any OpenAI-compatible /chat/completions endpoint (OpenAI, Azure OpenAI proxies,
 * a local Ollama at http://127.0.0.1:11434/v1, llama.cpp server), so no provider SDK is needed.
 */
export class OpenAICompatibleChatModel extends SimpleChatModel {
  constructor(private readonly options: OpenAICompatibleOptions) {
    super(options);
  }

  _llmType(): string {
    return 'openai-compatible';
  }

  async _call(messages: BaseMessage[]): Promise<string> {
    const response = await fetch(`${this.options.baseUrl.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: this.options.model,
        temperature: 0,
        messages: messages.map((m) => ({ role: ROLE_BY_TYPE[m.getType()] ?? 'user', content: m.text })),
      }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) throw new Error(`model endpoint answered ${response.status}`);
    const body = (await response.json()) as { choices?: Array<{ message?: { content?: unknown } }> };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new Error('model endpoint returned no text');
    return content;
  }
}
