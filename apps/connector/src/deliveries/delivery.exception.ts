import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum DeliveryProblem {
  NotFound = 'delivery-not-found',
  NotRedrivable = 'delivery-not-redrivable',
}

const PROBLEMS: Record<DeliveryProblem, [HttpStatus, string]> = {
  [DeliveryProblem.NotFound]: [HttpStatus.NOT_FOUND, 'Delivery not found'],
  [DeliveryProblem.NotRedrivable]: [HttpStatus.CONFLICT, 'Only a failed delivery can be redriven'],
};

export class DeliveryException extends problemsOf<DeliveryProblem>(PROBLEMS) {}
