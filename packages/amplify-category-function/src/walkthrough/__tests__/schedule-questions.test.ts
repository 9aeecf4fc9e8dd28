import { createPrompter, runWalkthrough } from 'amplify-cli-core';
import { SCHEDULE_QUESTIONS, answersFromSchedule, scheduleExpressionOf } from '../schedule-questions';

const yes = createPrompter({ yes: true });
const expression = async (supplied: Record<string, unknown>): Promise<string | undefined> =>
  scheduleExpressionOf(await runWalkthrough(SCHEDULE_QUESTIONS, yes, { supplied }));

describe('schedule questions', () => {
  test('--yes: no schedule', async () => {
    await expect(expression({})).resolves.toBeUndefined();
  });

  test.each([
    [{ scheduleInterval: 'minutes', scheduleMinutes: 5 }, 'rate(5 minutes)'],
    [{ scheduleInterval: 'minutes' }, 'rate(1 minute)'],
    [{ scheduleInterval: 'hourly', scheduleHours: 2 }, 'rate(2 hours)'],
    [{ scheduleInterval: 'daily', scheduleHour: 7 }, 'cron(0 7 * * ? *)'],
    [{ scheduleInterval: 'weekly', scheduleWeekDay: 'FRI', scheduleHour: 18 }, 'cron(0 18 ? * FRI *)'],
    [{ scheduleInterval: 'monthly', scheduleDayOfMonth: 15 }, 'cron(0 0 15 * ? *)'],
    [{ scheduleInterval: 'yearly', scheduleMonth: 'MAR', scheduleDayOfMonth: 2, scheduleHour: 9 }, 'cron(0 9 2 MAR ? *)'],
    [{ scheduleInterval: 'custom', scheduleCron: 'cron(0/15 * * * ? *)' }, 'cron(0/15 * * * ? *)'],
  ])('%j -> %s', async (answers, expected) => {
    await expect(expression({ scheduled: true, ...answers })).resolves.toBe(expected);
  });

  test.each([
    [{ scheduleInterval: 'minutes', scheduleMinutes: 60 }, 'between 1 and 59'],
    [{ scheduleInterval: 'hourly', scheduleHours: 24 }, 'between 1 and 23'],
    [{ scheduleInterval: 'daily', scheduleHour: 24 }, 'between 0 and 23'],
    [{ scheduleInterval: 'custom', scheduleCron: 'every day' }, 'Enter cron('],
    [{ scheduleInterval: 'fortnightly' }, 'is not one of'],
  ])('%j is refused', async (answers, why) => {
    await expect(expression({ scheduled: true, ...answers })).rejects.toThrow(why);
  });

  test('an expression round-trips through the custom form', async () => {
    await expect(expression(answersFromSchedule('rate(10 minutes)'))).resolves.toBe('rate(10 minutes)');
    await expect(expression(answersFromSchedule(undefined))).resolves.toBeUndefined();
  });
});
