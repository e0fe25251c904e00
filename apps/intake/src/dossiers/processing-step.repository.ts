import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProcessingStep } from './processing-step.entity';

@Injectable()
export class ProcessingStepRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a step unless it was stored before (same handler, instant and content); true when it is new. */
  async insertIfNew(manager: EntityManager, step: Omit<ProcessingStep, 'id'>): Promise<boolean> {
    const result = await manager.createQueryBuilder().insert().into(ProcessingStep).values(step).orIgnore().returning('id').execute();
    return result.raw.length > 0;
  }

  stepsOf(code: string): Promise<ProcessingStep[]> {
    return this.dataSource.getRepository(ProcessingStep).find({ where: { dossierCode: code }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
