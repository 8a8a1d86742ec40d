// Every alarm the worker sets: alarms are its clock, since it may have been stopped in between.
export const ALARMS = {
  sync: 'sync',
  /** Hosted mode: read the broker's event feed, each minute, instead of the sync timer. */
  events: 'events',
  badge: 'badge',
  morning: 'morning',
  /** One per run: `refuel-warning:<activity id>`. */
  refuelWarningPrefix: 'refuel-warning:',
} as const;

export const refuelWarningAlarm = (activityId: number): string =>
  `${ALARMS.refuelWarningPrefix}${activityId}`;
