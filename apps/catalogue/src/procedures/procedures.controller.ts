import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ImportRecordsPipe } from './import-records.pipe';
import { ProcedureImportService } from './procedure-import.service';
import { ProcedureService } from './procedure.service';
import { procedureSummaryView, procedureView, versionSummaryView, versionView } from './procedure.view';
import { SearchProceduresDto } from './search-procedures.dto';

@Controller('procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProcedureService, private readonly importer: ProcedureImportService) {}

  @Get()
  async search(@Query() query: SearchProceduresDto) {
    const { items, ...page } = await this.procedures.search(query);
    return { ...page, items: items.map(procedureSummaryView) };
  }

  /** Any form of the code: national, case (1.000358.01) or local (1.003560.000.00.00.H56, 2.002621.H56). */
  @Get(':code')
  async find(@Param('code') code: string) {
    return procedureView(await this.procedures.find(code));
  }

  /** The national record as last imported, with every field it had. */
  @Get(':code/record')
  async record(@Param('code') code: string) {
    return (await this.procedures.find(code)).record;
  }

  @Get(':code/versions')
  async versions(@Param('code') code: string) {
    return { items: (await this.procedures.versions(code)).map(versionSummaryView) };
  }

  @Get(':code/versions/:version')
  async version(@Param('code') code: string, @Param('version', ParseIntPipe) version: number) {
    return versionView(await this.procedures.version(code, version));
  }

  /** Imports national records: { imported, unchanged, rejected: [{ code, reason }] }. */
  @Post('import')
  @HttpCode(200)
  import(@Body(ImportRecordsPipe) records: unknown[]) {
    return this.importer.importRecords(records);
  }
}
