import { Injectable } from '@nestjs/common';
import { normaliseProcedureCode } from '@lienthong/domain-procedure';
import type { Page } from '@lienthong/platform-http';
import { Procedure } from './procedure.entity';
import { ProcedureException, ProcedureProblem } from './procedure.exception';
import { ProcedureRepository } from './procedure.repository';
import type { ProcedureVersion } from './procedure-version.entity';
import { SearchProceduresDto } from './search-procedures.dto';

function nationalCodeOf(anyFormOfCode: string): string {
  const code = normaliseProcedureCode(anyFormOfCode);
  if (!code) {
    throw new ProcedureException(ProcedureProblem.MalformedCode, `${anyFormOfCode} is not a procedure code (1.000358, 1.000358.01, 1.003560.000.00.00.H56 or 2.002621.H56)`);
  }
  return code;
}

/** Reads of the catalogue: one procedure by any form of its code, its versions, or a page of a search. */
@Injectable()
export class ProcedureService {
  constructor(private readonly procedures: ProcedureRepository) {}

  async find(anyFormOfCode: string): Promise<Procedure> {
    const code = nationalCodeOf(anyFormOfCode);
    const procedure = await this.procedures.findByCode(code);
    if (!procedure) throw new ProcedureException(ProcedureProblem.NotFound, `no procedure ${code} in the catalogue`);
    return procedure;
  }

  /** The versions of a procedure, newest first. */
  async versions(anyFormOfCode: string): Promise<ProcedureVersion[]> {
    const { code } = await this.find(anyFormOfCode);
    return this.procedures.listVersions(code);
  }

  async version(anyFormOfCode: string, version: number): Promise<ProcedureVersion> {
    const code = nationalCodeOf(anyFormOfCode);
    const found = await this.procedures.findVersion(code, version);
    if (!found) throw new ProcedureException(ProcedureProblem.NotFound, `no version ${version} of procedure ${code} in the catalogue`);
    return found;
  }

  async search({ q, level, agency, field, page, pageSize }: SearchProceduresDto): Promise<Page<Procedure>> {
    const text = q?.trim();
    const [items, total] = await this.procedures.search({ text, code: text ? normaliseProcedureCode(text) : undefined, level, agency, field, page, pageSize });
    return { items, page, pageSize, total };
  }
}
