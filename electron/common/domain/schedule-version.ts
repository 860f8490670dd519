/**
 * The version of the stored stuck schedules (today-schedule.ts, triage-schedule.ts). Raise it
 * whenever either file, or a rule of stuck-reasons.ts they mirror, changes: at the next start
 * every contract's stored schedule is recomputed (electron/main/core/workspace/schedule-backfill.ts).
 */
export const SCHEDULE_RULES_VERSION = 1
