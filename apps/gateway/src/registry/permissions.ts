/** What a grant can allow. Deny by default: a call needs a grant naming its permission and covering its scope. */
export enum Permission {
  SubmitDossier = 'dossier:submit',
  ReadDossier = 'dossier:read',
  /** Where a dossier stands, nothing personal: what a citizen following it by its code sees, from any province. */
  TrackDossier = 'dossier:track',
  UpdateDossierStatus = 'dossier:update-status',
  ReadProcedure = 'procedure:read',
  /** The fees asked of a dossier and the attempts to pay them, and whom they can be paid through. */
  ReadPayment = 'payment:read',
  /** Start paying a dossier's fee through a provider: what the portal does when the applicant chooses one. */
  PayFee = 'payment:pay',
  /** A payment provider's callbacks: the payment platform, the banks and the intermediaries. */
  ReportPayment = 'payment:report',
  /** A recipient's opt-out of a notification channel, recorded on their behalf (the portal). */
  ManageOptOuts = 'notification:opt-out',
  /** The SMS gateway's delivery receipts. */
  ReportDelivery = 'notification:report-delivery',
  /** X-Road's access right: call a service of a legacy system through the connector, scoped `<provider id>/<service>` or `<provider id>/*`. */
  CallService = 'service:call',
  /** Operators: the registry of systems, credentials and grants. */
  ManageRegistry = 'operator:registry:manage',
  /** Operators: each payment provider's days reconciled against its statement, and their mismatches; the fees held for a procedure payment does not know yet. */
  ReconcilePayments = 'operator:payments:reconcile',
  /** Operators: the notification templates, their versions and previews. */
  ManageTemplates = 'operator:notifications:templates',
  /** Operators: the notifications sent, failed or waiting. */
  ReadNotifications = 'operator:notifications:read',
  /** Operators: money of a paid attempt given back, once the provider has done it. */
  RefundPayments = 'operator:payments:refund',
  /** Operators: exchange records and the audit log. */
  ReadExchanges = 'operator:exchanges:read',
}

export const EVERYWHERE = '*';
