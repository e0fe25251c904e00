import { Counter } from 'prom-client';

/** Per system and outcome (delivered, retry, failed): which legacy systems are struggling, on /metrics. */
export const deliveryAttempts = new Counter({
  name: 'lienthong_delivery_attempts_total',
  help: 'Delivery attempts to legacy systems by outcome',
  labelNames: ['system', 'outcome'],
});
