import { HttpStatus } from '@nestjs/common';
import { problemsOf } from '@lienthong/platform-http';

export enum TemplateProblem {
  Invalid = 'template-invalid',
}

export class TemplateException extends problemsOf<TemplateProblem>({ [TemplateProblem.Invalid]: [HttpStatus.UNPROCESSABLE_ENTITY, 'The template cannot be used'] }) {}
