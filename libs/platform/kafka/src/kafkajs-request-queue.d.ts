/** KafkaJS's per-connection request queue (kafkajs/src/network/requestQueue), not in its public types. */
declare module 'kafkajs/src/network/requestQueue' {
  interface PushedRequest {
    entry: { correlationId: number; resolve: (answer: unknown) => void; reject: (error: unknown) => void };
    expectResponse: boolean;
    sendRequest: () => void;
  }

  export default class RequestQueue {
    constructor(options: { maxInFlightRequests: number; requestTimeout: number; enforceRequestTimeout: boolean; clientId: string; broker: string; logger: unknown });
    pending: unknown[];
    throttledUntil: number;
    throttleCheckTimeoutId: NodeJS.Timeout | null;
    checkPendingRequests(): void;
    scheduleCheckPendingRequests(): void;
    push(request: PushedRequest): void;
    fulfillRequest(answer: { correlationId: number; payload: Buffer; size: number }): void;
    maybeThrottle(clientSideThrottleTime: number | null): void;
  }
}
