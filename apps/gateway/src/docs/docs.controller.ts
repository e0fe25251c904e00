import { Controller, Get, Header } from '@nestjs/common';
import { renderDocsPage } from './docs-page';
import { buildOpenApiDocument } from './openapi.document';
import type { OpenApiDocument } from './openapi.operations';

/** The API description, open to anyone: it holds no data, and a system needs it before it has credentials. */
@Controller('docs')
export class DocsController {
  private readonly document = buildOpenApiDocument();
  private readonly html = renderDocsPage(this.document);

  @Get('openapi.json')
  openApi(): OpenApiDocument {
    return this.document;
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  page(): string {
    return this.html;
  }
}
