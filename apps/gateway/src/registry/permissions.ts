/** What a grant can allow. Deny by default: a call needs a grant naming its permission and covering its scope. */
export enum Permission {
  SubmitDossier = 'dossier:submit',
  ReadDossier = 'dossier:read',
  /** Where a dossier stands, nothing personal: what a citizen following it by its code sees, from any province. */
  TrackDossier = 'dossier:track',
  UpdateDossierStatus = 'dossier:update-status',
  ReadProcedure = 'procedure:read',
  /** X-Road's access right: call a service of a legacy system through the connector, scoped `<provider id>/<service>` or `<provider id>/*`. */
  CallService = 'service:call',
  /** Operators: the registry of systems, credentials and grants. */
  ManageRegistry = 'operator:registry:manage',
  /** Operators: exchange records and the audit log. */
  ReadExchanges = 'operator:exchanges:read',
}

export const EVERYWHERE = '*';
