import type { ProgramWeek } from '../../platform/content/Content';

/** One chat-sized piece of a weekly session, in the order a person meets them. */
export type SessionPiece =
  | { kind: 'lesson'; index: number; text: string; topic?: string }
  | { kind: 'practice'; title: string; text: string }
  | { kind: 'reflection'; index: number; question: string };

/** A week's session: the lesson steps, then the practice, then the reflection questions. */
export function sessionPieces(week: ProgramWeek): SessionPiece[] {
  return [
    ...week.lesson.map((step, index): SessionPiece => ({
      kind: 'lesson',
      index,
      text: step.text,
      ...(step.topic ? { topic: step.topic } : {}),
    })),
    { kind: 'practice', title: week.practice.title, text: week.practice.text },
    ...week.reflection.map((question, index): SessionPiece => ({ kind: 'reflection', index, question })),
  ];
}
