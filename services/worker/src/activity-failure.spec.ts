import { ApplicationFailure } from '@temporalio/common';
import type { BusErrorCode } from '@eduplan/contracts';
import { BusRequestError, DomainException } from '@eduplan/platform';
import { activityFailureOf } from './activity-failure';

const busError = (code: BusErrorCode) => new BusRequestError({ code, message: `ответ ${code}` }, 'documents');

describe('activityFailureOf', () => {
  it.each<[BusErrorCode, boolean]>([
    ['VALIDATION', true],
    ['NOT_FOUND', true],
    ['CONFLICT', true],
    ['FORBIDDEN', true],
    ['TOO_LARGE', true],
    ['UNAVAILABLE', false],
    ['INTERNAL', false],
  ])('turns a bus %s answer into a failure typed by its code, non-retryable: %s', (code, nonRetryable) => {
    const failure = activityFailureOf(busError(code)) as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: code, nonRetryable, message: `ответ ${code}` });
    expect(failure.details).toEqual([{ service: 'documents', code }]);
  });

  it('classifies the activity\'s own domain checks the same way and leaves other errors to the retry policy', () => {
    expect(activityFailureOf(new DomainException('CONFLICT', 'изменился'))).toMatchObject({ type: 'CONFLICT', nonRetryable: true });
    const crash = new TypeError('boom');
    expect(activityFailureOf(crash)).toBe(crash);
  });
});
