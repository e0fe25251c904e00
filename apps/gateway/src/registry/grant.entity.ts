import { Entity, PrimaryColumn } from 'typeorm';

/** Permission of a system on a kind of call, limited to a province (H56) or everywhere ('*'). */
@Entity({ name: 'grants' })
export class Grant {
  @PrimaryColumn({ name: 'system_id' })
  systemId: string;

  @PrimaryColumn()
  permission: string;

  @PrimaryColumn()
  scope: string;
}
