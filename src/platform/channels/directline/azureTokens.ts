import { z } from 'zod';

const generatedToken = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

export type AzureTokenResult =
  { ok: true; conversationId: string; token: string; expiresIn: number } | { ok: false; status?: number };

/**
 * Exchanges the Direct Line secret for a token bound to one user, with Azure's
 * POST {domain}/tokens/generate. The secret only ever travels from this server to Azure.
 */
export async function generateAzureToken(
  azure: { secret: string; domain: string },
  userId: string,
  timeoutMs = 10_000,
): Promise<AzureTokenResult> {
  let response: Response;
  try {
    response = await fetch(`${azure.domain}/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${azure.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false };
  }
  if (!response.ok) return { ok: false, status: response.status };
  const parsed = generatedToken.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return { ok: false, status: response.status };
  return {
    ok: true,
    conversationId: parsed.data.conversationId,
    token: parsed.data.token,
    expiresIn: parsed.data.expires_in,
  };
}
