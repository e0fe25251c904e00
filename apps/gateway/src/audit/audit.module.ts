import { Global, Module } from '@nestjs/common';
import { AuditAnchorer } from './audit.anchorer';
import { AuditLog } from './audit-log.service';
import { AuditRepository } from './audit.repository';

/** The tamper-evident audit log: any module records its changes with AuditLog.append in its own transaction. */
@Global()
@Module({
  providers: [AuditRepository, AuditLog, AuditAnchorer],
  exports: [AuditLog, AuditRepository, AuditAnchorer],
})
export class AuditModule {}
