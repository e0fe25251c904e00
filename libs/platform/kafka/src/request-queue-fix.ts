import RequestQueue from 'kafkajs/src/network/requestQueue';

/** KafkaJS's own wait before it looks again at requests held back (CHECK_PENDING_REQUESTS_INTERVAL). */
const CHECK_PENDING_MS = 10;

/**
 * KafkaJS 2.2.4 (its last release) keeps every broker connection checking its request queue each millisecond while
 * nothing is pending: with no throttle in force the check is scheduled after a negative delay, which Node runs after
 * 1 ms, and each check schedules the next (tulios/kafkajs#1556 and #1704; the fixes #1667 and #1768 were never released).
 * Node 24 warns of the negative delay (TimeoutNegativeWarning). Each app idled at some 1,600 wakeups a second, about
 * 30 ms of CPU a second. This is KafkaJS's method with that one case taken out: a check is scheduled only for requests
 * held back (after 10 ms, or when the broker's throttle ends) or while a throttle lasts. A request pushed later is sent
 * at once, or held back and scheduled by push(); an answer, or a request timing out, checks the queue again.
 */
RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueue): void {
  if (this.throttleCheckTimeoutId) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  if (this.pending.length === 0 && untilUnthrottled <= 0) return;
  const delay = this.pending.length > 0 && untilUnthrottled <= 0 ? CHECK_PENDING_MS : untilUnthrottled;
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, delay);
};
