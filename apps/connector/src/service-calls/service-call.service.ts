import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { deadlineIn } from '../adapters/deadline';
import { AdapterRegistry } from '../adapters/adapter-registry';
import { LegacyCallError } from '../adapters/legacy-call-error';
import type { ServiceRequest } from '../adapters/service-call';
import { ConnectorEnv } from '../config';
import { SystemRepository } from '../systems/system.repository';
import { CircuitBreakers, isRefusedByBreaker } from './circuit-breakers';
import { ServiceCallException, ServiceCallProblem } from './service-call.exception';

/** Which call a problem is about, so that the client and the operator know whom to call. */
interface CalledService {
  system: string;
  service: string;
}

/**
 * A client's synchronous call of a legacy system's service (X-Road style): the system's adapter maps it onto the
 * system's own call, made within the system's timeout and through its circuit breaker; the system's answer goes back
 * unchanged. What the backbone could not get from the system is a problem on the provider's side (502, 503, 504).
 */
@Injectable()
export class ServiceCallService {
  private readonly logger = new Logger('ServiceCallService');

  constructor(
    private readonly config: ConnectorEnv,
    private readonly systems: SystemRepository,
    private readonly adapters: AdapterRegistry,
    private readonly breakers: CircuitBreakers,
  ) {}

  /** `res` receives Retry-After when the system's circuit is open. */
  async call(called: CalledService, request: ServiceRequest, res: Response): Promise<unknown> {
    const system = await this.systems.findByCode(called.system);
    if (!system?.enabled) throw new ServiceCallException(ServiceCallProblem.UnknownSystem, `no enabled legacy system ${called.system} is connected`, { ...called });
    const adapter = this.adapters.adapterFor(system.protocol);
    const mapping = adapter.services.get(called.service);
    if (!mapping) {
      const offered = [...adapter.services.keys()].join(', ');
      throw new ServiceCallException(ServiceCallProblem.UnknownService, `${called.system} offers no service ${called.service} (it offers ${offered})`, { ...called });
    }
    const mapped = mapping(request);
    if (!mapped.ok) throw new ServiceCallException(ServiceCallProblem.InvalidCall, mapped.reason, { ...called });

    const timeoutMs = system.callTimeoutMs ?? this.config.SERVICE_CALL_TIMEOUT_MS;
    try {
      return await this.breakers.run(system.code, () => adapter.callService(system, mapped.call, deadlineIn(timeoutMs)));
    } catch (error) {
      throw this.failure(error, called, timeoutMs, res);
    }
  }

  private failure(error: unknown, called: CalledService, timeoutMs: number, res: Response): unknown {
    const about = { ...called, errorSide: 'provider' };
    if (isRefusedByBreaker(error)) {
      const seconds = this.breakers.retryAfterSeconds(called.system);
      res.setHeader('Retry-After', String(seconds));
      return new ServiceCallException(ServiceCallProblem.CircuitOpen, `${called.system} failed repeatedly: its services are refused for ${seconds} s more`, {
        ...about,
        retryAfterSeconds: seconds,
      });
    }
    if (!(error instanceof LegacyCallError)) return error;
    // the reason names the system's internal address: for the logs, not for the client
    this.logger.warn(`${called.service} of ${called.system} failed: ${error.message}`);
    return error.timedOut
      ? new ServiceCallException(ServiceCallProblem.Timeout, `${called.system} did not answer ${called.service} within ${timeoutMs} ms`, about)
      : new ServiceCallException(ServiceCallProblem.Unavailable, `${called.system} could not be reached or gave no usable answer to ${called.service}`, about);
  }
}
