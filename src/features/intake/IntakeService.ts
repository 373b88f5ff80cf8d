import type { OutboundMessage } from '../../platform/channels/messages';
import type { Clock } from '../../platform/clock';
import type { Content } from '../../platform/content/Content';
import type { Logger } from '../../platform/logger';
import { type Assessment, assess } from '../risk/assess';
import type { ProfileChanges, RiskProfile } from '../risk/profile';
import { sketchTaper, type TaperSketch } from '../risk/taper';
import type { IntakeRepository, StoredAssessment } from '../../platform/storage/repositories';
import type { TurnWrites } from '../../platform/storage/turnWrites';
import { type IntakeAnswers, parseAnswers, toRiskProfile } from './answers';
import { handoffMessage } from './handoff';

export interface SavedIntake {
  answers: IntakeAnswers;
  completed: boolean;
  startedAt: string;
  updatedAt: string;
  completedAt?: string;
}

export type { ProfileChanges };

export interface Reassessment {
  previous: StoredAssessment;
  current: StoredAssessment;
  /** True when the new assessment hands off and the previous one did not. */
  handoffStarted: boolean;
}

/** The key of a person's answers among a turn's queued writes. */
const answersKey = (personId: string) => `intake.answers:${personId}`;

const MS_PER_MONTH = (365.25 / 12) * 24 * 60 * 60 * 1000;

/**
 * The intake's saved answers and the risk assessments made from them, per person. Dialogs use it to
 * save as they go and to finish; check-ins use `reassess` and `handoffOffer`.
 */
export class IntakeService {
  constructor(
    private readonly repository: IntakeRepository,
    private readonly clock: Clock,
    private readonly content: Content,
    private readonly logger?: Logger,
  ) {}

  /** With the turn's writes, answers this turn queued are stored first, so the read sees them. */
  async load(personId: string, turn?: TurnWrites): Promise<SavedIntake | undefined> {
    await turn?.runNow(answersKey(personId));
    const record = await this.repository.getAnswers(personId);
    if (!record) return undefined;
    return {
      answers: parseAnswers(record.answers),
      completed: record.completedAt !== undefined,
      startedAt: record.startedAt,
      updatedAt: record.updatedAt,
      ...(record.completedAt ? { completedAt: record.completedAt } : {}),
    };
  }

  /**
   * Stores answers still in progress. With the turn's writes the write waits for the turn's end and is
   * committed with the turn's state (the dialog step that asked the next question), not on its own.
   */
  async save(personId: string, answers: IntakeAnswers, turn?: TurnWrites): Promise<void> {
    const at = this.clock.now();
    const write = () => this.repository.saveAnswers(personId, answers, at, false);
    if (turn) turn.defer(answersKey(personId), write);
    else await write();
  }

  async startFresh(personId: string, turn?: TurnWrites): Promise<void> {
    turn?.drop(answersKey(personId));
    await this.repository.clearAnswers(personId);
  }

  /** Marks the answers confirmed, runs the rules, stores the result with its rules version. */
  async complete(
    personId: string,
    answers: IntakeAnswers,
    turn?: TurnWrites,
  ): Promise<{ profile: RiskProfile; stored: StoredAssessment; taper?: TaperSketch }> {
    // The confirmed answers replace any this turn queued (which would mark them unfinished again).
    turn?.drop(answersKey(personId));
    const at = this.clock.now();
    await this.repository.saveAnswers(personId, answers, at, true);
    const profile = toRiskProfile(answers);
    const assessment = assess(profile);
    const stored = await this.repository.addAssessment(personId, { trigger: 'intake', profile, assessment }, at);
    this.log('intake assessed', stored);
    return { profile, stored, taper: sketchTaper(profile, assessment) };
  }

  async latest(personId: string): Promise<StoredAssessment | undefined> {
    return this.repository.latestAssessment(personId);
  }

  /**
   * Re-runs the rules on the latest profile with the changes a check-in reported. Time since the last
   * assessment is added to the months of use. Returns undefined when the person has no assessment yet.
   */
  async reassess(personId: string, changes: ProfileChanges, trigger = 'checkin'): Promise<Reassessment | undefined> {
    const previous = await this.repository.latestAssessment(personId);
    if (!previous) return undefined;
    const at = this.clock.now();
    const elapsedMonths = Math.max(0, (at.getTime() - Date.parse(previous.assessedAt)) / MS_PER_MONTH);
    const base = previous.profile;
    const profile: RiskProfile = {
      ...base,
      ...changes,
      ...(base.monthsOfUse !== undefined
        ? { monthsOfUse: Math.round((base.monthsOfUse + elapsedMonths) * 10) / 10 }
        : {}),
    };
    const assessment: Assessment = assess(profile);
    const current = await this.repository.addAssessment(personId, { trigger, profile, assessment }, at);
    this.log('risk reassessed', current);
    return { previous, current, handoffStarted: assessment.handoff && !previous.assessment.handoff };
  }

  /** The hand-off card while the latest assessment says hand off, with the person's ZIP if they gave one. */
  async handoffOffer(personId: string): Promise<OutboundMessage | undefined> {
    const latest = await this.repository.latestAssessment(personId);
    if (!latest?.assessment.handoff) return undefined;
    return this.handoffCard(personId);
  }

  /** The hand-off card with the person's ZIP if they gave one, whatever the assessment says (a check-in review may call for it). */
  async handoffCard(personId: string): Promise<OutboundMessage> {
    const saved = await this.load(personId);
    const zip = saved?.answers.zip && saved.answers.zip !== 'skipped' ? saved.answers.zip : undefined;
    return handoffMessage(this.content, zip);
  }

  private log(message: string, stored: StoredAssessment): void {
    this.logger?.info(
      {
        personId: stored.personId,
        trigger: stored.trigger,
        tier: stored.assessment.tier,
        handoff: stored.assessment.handoff,
        rulesVersion: stored.rulesVersion,
      },
      message,
    );
  }
}
