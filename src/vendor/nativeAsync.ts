import { type CallExpression, type Expression, type FunctionExpression, type Node, parse, type SpreadElement, type YieldExpression } from 'acorn';

/**
 * botbuilder 4.23 is compiled for ES2015, so every `async` method in it became
 *
 *     return __awaiter(this, void 0, void 0, function* () { ... yield x ... });
 *
 * That makes a fresh generator function on every call. On V8 11 (Node 20) each fresh generator
 * function gets its own hidden class in old space, and that class points back at the function and
 * through it at everything the call captured. So a turn's objects survive the young-generation
 * collections, get promoted, and pile up until a full collection: at 26 such calls a turn the coach
 * promoted 1.3 MB per scavenge and ran a full collection every 0.65 s, which set its tail latency.
 *
 * This rewrites each such call, in place, to the native async function it came from:
 *
 *     return Reflect.apply(async function () { ... await (x) ... }, this, []);
 *
 * Same `this`, same `arguments`, same parameters, same promise type (only calls whose Promise
 * argument is `void 0` are touched), and `await (x)` keeps the operand whole whatever `yield x`
 * spanned. The replacement starts with a name, as the call did, so it cannot join onto a line above
 * that lacks a semicolon. A call with `yield*` in its body is left alone.
 */
export const NATIVE_ASYNC_MARK = '/*native-async*/';

export interface RewriteResult {
  code: string;
  /** __awaiter calls turned into async functions. */
  rewritten: number;
  /** __awaiter calls left as they were (not a generator, a Promise argument, or yield* in the body). */
  kept: number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

type AnyNode = Node & Record<string, unknown>;

const isNode = (value: unknown): value is AnyNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

function children(node: AnyNode): AnyNode[] {
  const found: AnyNode[] = [];
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const item of value) if (isNode(item)) found.push(item);
    if (isNode(value)) found.push(value);
  }
  return found;
}

const isFunction = (node: AnyNode) =>
  node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression';

const isVoidZero = (node: Expression | SpreadElement): boolean =>
  node.type === 'UnaryExpression' && node.operator === 'void' && node.argument.type === 'Literal' && node.argument.value === 0;

/** The yields that belong to this generator (not to a generator nested inside it). */
function ownYields(generator: FunctionExpression): YieldExpression[] {
  const yields: YieldExpression[] = [];
  const walk = (node: AnyNode) => {
    if (node.type === 'YieldExpression') yields.push(node as unknown as YieldExpression);
    for (const child of children(node)) if (!isFunction(child)) walk(child);
  };
  for (const part of [...generator.params, generator.body] as unknown as AnyNode[]) walk(part);
  return yields;
}

const callsAwaiter = (node: AnyNode): boolean =>
  node.type === 'CallExpression' && (node as unknown as CallExpression).callee.type === 'Identifier' && ((node as unknown as CallExpression).callee as { name: string }).name === '__awaiter';

/** The awaiter call's parts when it has the shape TypeScript emits, else undefined. */
function awaiterCall(node: AnyNode): { call: CallExpression; thisArg: Expression; args: Expression; body: FunctionExpression } | undefined {
  const call = node as unknown as CallExpression;
  if (call.arguments.length !== 4) return undefined;
  const [thisArg, args, promise, body] = call.arguments;
  if (thisArg.type === 'SpreadElement' || args.type === 'SpreadElement' || body.type !== 'FunctionExpression') return undefined;
  if (!body.generator || body.async || !isVoidZero(promise)) return undefined;
  return { call, thisArg, args, body };
}

export function rewriteAwaiterCalls(source: string): RewriteResult {
  if (!source.includes('__awaiter(')) return { code: source, rewritten: 0, kept: 0 };
  const program = parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true });
  const edits: Edit[] = [];
  let rewritten = 0;
  let kept = 0;
  const text = (node: Node) => source.slice(node.start, node.end);

  /** Queues the edits that turn one awaiter call into an async function; false when it must stay. */
  const rewrite = (node: AnyNode): boolean => {
    const parts = awaiterCall(node);
    if (!parts) return false;
    const { call, thisArg, args, body } = parts;
    const yields = ownYields(body);
    if (yields.some((y) => y.delegate)) return false;
    const head = /^function\s*\*\s*/.exec(source.slice(body.start, body.end))![0];
    edits.push({ start: call.start, end: body.start, text: 'Reflect.apply(' });
    edits.push({ start: body.start, end: body.start + head.length, text: 'async function ' });
    for (const y of yields) {
      if (y.argument) {
        edits.push({ start: y.start, end: y.start + 'yield'.length, text: 'await (' });
        edits.push({ start: y.end, end: y.end, text: ')' });
      } else {
        edits.push({ start: y.start, end: y.end, text: 'await undefined' });
      }
    }
    edits.push({ start: body.end, end: call.end, text: `, ${text(thisArg)}, ${isVoidZero(args) ? '[]' : text(args)})` });
    return true;
  };
  const visit = (node: AnyNode) => {
    if (callsAwaiter(node)) {
      if (rewrite(node)) rewritten++;
      else kept++;
    }
    for (const child of children(node)) visit(child);
  };
  visit(program as unknown as AnyNode);

  // Apply from the end backwards so earlier offsets stay valid; an insertion sorts after a
  // replacement that starts at the same offset (a `)` closing an await goes before what follows).
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let code = source;
  for (const edit of edits) code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
  return { code, rewritten, kept };
}
