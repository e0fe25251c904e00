import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { dossierStatusChangedV1, dossierSubmittedV1, paymentFailedV1, paymentSucceededV1 } from '@lienthong/contracts';
import { ClientSystem } from '@lienthong/platform-http';
import { renderMessage } from './render-message';
import { fieldsOfPayment, fieldsOfStatusChanged, fieldsOfSubmitted, PAYMENT_FAILED_TEMPLATE, PAYMENT_PAID_TWICE_TEMPLATE, PAYMENT_SUCCEEDED_TEMPLATE, statusOfTemplate, TemplateFields } from './template-fields';
import { PreviewDto, TemplateAddressDto, TemplateDraftDto } from './template.dto';
import { templateProblems } from './template-rules';
import { TemplateException, TemplateProblem } from './template.exception';
import { TemplateStore } from './template-store';

/** The example dossier a preview is filled in for, at the template's status. */
function exampleFields(template: string, submissionChannel: number): TemplateFields {
  if (template === PAYMENT_SUCCEEDED_TEMPLATE) return fieldsOfPayment(paymentSucceededV1.example);
  if (template === PAYMENT_PAID_TWICE_TEMPLATE) return fieldsOfPayment(paymentSucceededV1.example);
  if (template === PAYMENT_FAILED_TEMPLATE) return fieldsOfPayment(paymentFailedV1.example);
  const status = statusOfTemplate(template);
  if (status === undefined) return fieldsOfSubmitted({ ...dossierSubmittedV1.example, channel: (submissionChannel || 2) as 1 | 2 | 3 });
  return fieldsOfStatusChanged({ ...dossierStatusChangedV1.example, status, dueAt: '2026-11-30T16:59:59.999Z' });
}

/** Operators: the message templates, their versions, new versions, and previews. */
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplateStore) {}

  /** Every version of one template, the code's (1) first; the last is in use. */
  @Get()
  async versions(@Query() address: TemplateAddressDto) {
    return { items: await this.templates.versions(address) };
  }

  @Post()
  add(@ClientSystem() caller: string, @Body() draft: TemplateDraftDto) {
    const { subject, lines, ...address } = draft;
    return this.templates.add(address, { subject, lines }, caller);
  }

  /** A draft, or the version in use, filled in for an example dossier: what an applicant would receive. */
  @Post('preview')
  @HttpCode(HttpStatus.OK)
  preview(@Body() body: PreviewDto) {
    const inUse = this.templates.active(body.template, body.channel, body.submissionChannel || undefined);
    const template = body.lines ? { subject: body.subject ?? inUse.subject, lines: body.lines } : inUse;
    const problems = templateProblems(body.template, body.channel, template);
    if (problems.length > 0) throw new TemplateException(TemplateProblem.Invalid, problems.join('; '), { errors: problems });
    return { version: body.lines ? null : inUse.version, ...renderMessage(body.channel, template, exampleFields(body.template, body.submissionChannel)) };
  }
}
