import { errors, jwtVerify, SignJWT } from 'jose';
import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../clock';

/**
 * Direct Line tokens are HS256 JWTs, like Azure's, so botframework-directlinejs can read the `user`
 * claim and will not let the page override the user id. Each kind is signed with its own key derived
 * from one secret, so a token of one kind can never pass as another:
 * - conversation: the Bearer token of one person in one conversation (short-lived, refreshable)
 * - stream:       the `t` parameter of a WebSocket streamUrl (minutes)
 * - resume:       kept by the page in local storage to get a new conversation token later (days)
 * - bot:          what our own CloudAdapter presents when it posts replies to the channel (minutes)
 */
export type TokenKind = 'conversation' | 'stream' | 'resume' | 'bot';

export interface TokenClaims {
  kind: TokenKind;
  /** Conversation id; empty in a resume token of the Azure option, which keeps only the user. */
  conv: string;
  user: string;
  iat: number;
  exp: number;
}

export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'missing' | 'malformed' | 'bad_signature' | 'expired' };

const ISSUER = 'steady-directline';
const CLOCK_SKEW_SECONDS = 60;
const SECRET_FILE = 'directline-token-secret';

export class DirectLineTokens {
  private readonly keys: Record<TokenKind, Buffer>;

  constructor(
    secret: string,
    private readonly clock: Clock,
    readonly lifetimes: Record<TokenKind, number>,
  ) {
    const derive = (kind: TokenKind) => createHmac('sha256', secret).update(`${ISSUER}:${kind}`).digest();
    this.keys = {
      conversation: derive('conversation'),
      stream: derive('stream'),
      resume: derive('resume'),
      bot: derive('bot'),
    };
  }

  /** Signs a token with `jose` (HS256, this kind's key). */
  async issue(kind: TokenKind, subject: { conv: string; user: string }): Promise<{ token: string; expiresIn: number }> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const expiresIn = this.lifetimes[kind];
    const token = await new SignJWT({ kind, conv: subject.conv, user: subject.user })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + expiresIn)
      .sign(this.keys[kind]);
    return { token, expiresIn };
  }

  /** Verifies signature, issuer and expiry with `jose`; then the claims this channel needs. */
  async verify(kind: TokenKind, token: string | undefined): Promise<TokenCheck> {
    if (!token) return { ok: false, reason: 'missing' };
    const now = this.clock.now();
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys[kind], {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: now,
      }));
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad_signature' };
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      return { ok: false, reason: 'malformed' };
    }
    const { conv, user, iat, exp } = payload;
    if (
      payload.kind !== kind ||
      typeof user !== 'string' ||
      typeof conv !== 'string' ||
      typeof iat !== 'number' ||
      typeof exp !== 'number'
    ) {
      return { ok: false, reason: 'malformed' };
    }
    // Issued too far in the future (a clock gone wrong): refused like an expired one.
    if (iat > now.getTime() / 1000 + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'expired' };
    return { ok: true, claims: { kind, conv, user, iat, exp } };
  }
}

/** The token in an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * The signing secret: DIRECT_LINE_TOKEN_SECRET when set, else a random one created once in the data
 * folder (next to the SQLite file, readable by the owner only) so tokens survive a restart. An
 * in-memory database gets a secret that lives as long as the process.
 */
export function loadTokenSecret(options: { secret?: string; dataDir?: string }): string {
  if (options.secret) return options.secret;
  if (!options.dataDir) return randomBytes(32).toString('hex');
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, SECRET_FILE);
  // Written whole to a private temporary file, then linked into place: two processes starting at
  // once both end up reading the one secret that won.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32)
    throw new Error(`The Direct Line token secret in ${file} is too short; delete the file to make a new one`);
  return secret;
}
