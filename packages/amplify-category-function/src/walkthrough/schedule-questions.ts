import type { Answers, Question } from 'amplify-cli-core';

export const SCHEDULE_INTERVALS = ['minutes', 'hourly', 'daily', 'weekly', 'monthly', 'yearly', 'custom'] as const;
export type ScheduleInterval = (typeof SCHEDULE_INTERVALS)[number];

const INTERVAL_LABELS: Record<ScheduleInterval, string> = {
  minutes: 'Minutes',
  hourly: 'Hourly',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
  custom: 'Custom AWS cron expression',
};

const WEEK_DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** What EventBridge accepts as a schedule: `rate(<n> <unit>)` or a six-field `cron(...)`. */
export const SCHEDULE_EXPRESSION_PATTERN = '^(rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)|cron\\(\\S+( \\S+){5}\\))$';

const is = (...intervals: ScheduleInterval[]) => (answers: Answers): boolean =>
  answers.scheduled === true && intervals.includes(answers.scheduleInterval as ScheduleInterval);

const number = (text: string): number => Number(text);

/**
 * "Invoke on a recurring schedule?" and the interval, as the original asks them; the
 * answers become an EventBridge schedule expression (`scheduleExpression`).
 */
export const SCHEDULE_QUESTIONS: Question[] = [
  {
    key: 'scheduled',
    type: 'confirm',
    message: 'Do you want to invoke this function on a recurring schedule?',
    default: false,
    flag: '--headless schedule',
  },
  {
    key: 'scheduleInterval',
    type: 'pick',
    message: 'At which interval should the function be invoked:',
    choices: SCHEDULE_INTERVALS.map((value) => ({ name: INTERVAL_LABELS[value], value })),
    default: 'minutes',
    when: (answers) => answers.scheduled === true,
    flag: '--headless schedule',
  },
  {
    key: 'scheduleMinutes',
    type: 'input',
    message: 'Enter rate for minutes(1-59)?',
    default: '1',
    validation: { operator: 'range', value: { min: 1, max: 59 }, onErrorMsg: 'Enter a whole number of minutes between 1 and 59' },
    required: true,
    parse: number,
    when: is('minutes'),
    flag: '--headless schedule',
  },
  {
    key: 'scheduleHours',
    type: 'input',
    message: 'Enter rate for hours(1-23)?',
    default: '1',
    validation: { operator: 'range', value: { min: 1, max: 23 }, onErrorMsg: 'Enter a whole number of hours between 1 and 23' },
    required: true,
    parse: number,
    when: is('hourly'),
    flag: '--headless schedule',
  },
  {
    key: 'scheduleMonth',
    type: 'pick',
    message: 'Select the month to start the job:',
    choices: MONTHS.map((month) => ({ name: month, value: month })),
    default: 'JAN',
    when: is('yearly'),
    flag: '--headless schedule',
  },
  {
    key: 'scheduleDayOfMonth',
    type: 'input',
    message: 'Select the day of the month to start the job (1-31):',
    default: '1',
    validation: { operator: 'range', value: { min: 1, max: 31 }, onErrorMsg: 'Enter a day between 1 and 31' },
    required: true,
    parse: number,
    when: is('monthly', 'yearly'),
    flag: '--headless schedule',
  },
  {
    key: 'scheduleWeekDay',
    type: 'pick',
    message: 'Select the day to invoke the function:',
    choices: WEEK_DAYS.map((day) => ({ name: day, value: day })),
    default: 'MON',
    when: is('weekly'),
    flag: '--headless schedule',
  },
  {
    key: 'scheduleHour',
    type: 'input',
    message: 'Select the start time in UTC (hour, 0-23):',
    default: '0',
    validation: { operator: 'range', value: { min: 0, max: 23 }, onErrorMsg: 'Enter an hour between 0 and 23' },
    required: true,
    parse: number,
    when: is('daily', 'weekly', 'monthly', 'yearly'),
    flag: '--headless schedule',
  },
  {
    key: 'scheduleCron',
    type: 'input',
    message: 'Custom cron expression, e.g. cron(0 12 * * ? *):',
    required: true,
    validation: { operator: 'regex', value: SCHEDULE_EXPRESSION_PATTERN, onErrorMsg: 'Enter cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)' },
    when: is('custom'),
    flag: '--headless schedule',
  },
];

/** The schedule expression the answers describe, or undefined when the function is not scheduled. */
export function scheduleExpressionOf(answers: Answers): string | undefined {
  if (answers.scheduled !== true) return undefined;
  const minutes = Number(answers.scheduleMinutes);
  const hours = Number(answers.scheduleHours);
  const hour = Number(answers.scheduleHour);
  const day = Number(answers.scheduleDayOfMonth);
  switch (answers.scheduleInterval as ScheduleInterval) {
    case 'minutes':
      return `rate(${minutes} ${minutes === 1 ? 'minute' : 'minutes'})`;
    case 'hourly':
      return `rate(${hours} ${hours === 1 ? 'hour' : 'hours'})`;
    case 'daily':
      return `cron(0 ${hour} * * ? *)`;
    case 'weekly':
      return `cron(0 ${hour} ? * ${String(answers.scheduleWeekDay)} *)`;
    case 'monthly':
      return `cron(0 ${hour} ${day} * ? *)`;
    case 'yearly':
      return `cron(0 ${hour} ${day} ${String(answers.scheduleMonth)} ? *)`;
    case 'custom':
      return String(answers.scheduleCron);
  }
}

/** Answers that reproduce an expression (previous values on update, a headless `schedule`): the custom form. */
export function answersFromSchedule(expression: string | undefined): Answers {
  return expression === undefined ? { scheduled: false } : { scheduled: true, scheduleInterval: 'custom', scheduleCron: expression };
}
