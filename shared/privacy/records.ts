/** Records of the privacy area shared by main and the page. */
export const REQUEST_KINDS = ['subject_access', 'erasure'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = { subject_access: 'Subject access', erasure: 'Erasure' };
export const REQUEST_STATUSES = ['open', 'done', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = { open: 'Open', done: 'Done', withdrawn: 'Withdrawn' };

export type PrivacyRequest = {
  id: number;
  uid: string;
  kind: RequestKind;
  personUid: string | null;
  subject: string;
  receivedOn: string;
  dueOn: string;
  status: RequestStatus;
  completedOn: string | null;
  note: string;
  version: number;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
};

export const RETENTION_KINDS = ['archived_people', 'minutes', 'share_records'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export const RETENTION_KIND_LABELS: Record<RetentionKind, string> = {
  archived_people: 'Archived people',
  minutes: 'Meeting minutes',
  share_records: 'Decisions to share information',
};
export type RetentionRule = { kind: RetentionKind; months: number; action: 'review' | 'delete'; version: number };
export type RetentionDue = {
  kind: RetentionKind;
  recordId: number;
  title: string;
  /** The date the period counts from: archived, meeting held, information shared. */
  since: string;
  /** When it became due. */
  dueOn: string;
  action: 'review' | 'delete';
  /** Where the record is opened in the app. */
  route: string;
};

export type ActivityEntry = { id: number; at: string; entity: string; entityId: string; action: string };
export type ActivityPage = { rows: ActivityEntry[]; total: number; entities: string[]; actions: string[] };

/** The kinds of record in the audit log, in words. */
export const ENTITY_LABELS: Record<string, string> = {
  person: 'Person',
  organisation: 'Organisation',
  post: 'Post',
  directory: 'Directory',
  document: 'Document',
  document_template: 'Template',
  meeting: 'Meeting',
  meeting_group: 'Meeting group',
  agenda_item: 'Agenda item',
  agenda_paper: 'Paper',
  attendance: 'Attendance',
  action: 'Action',
  action_update: 'Action update',
  decision: 'Decision',
  share_decision: 'Decision to share',
  partnership_settings: 'Settings',
  example_partnership: 'Example partnership',
  privacy_request: 'Privacy request',
  retention: 'Retention',
  subject_access: 'Subject access',
  audit_log: 'Activity log',
};
export const entityLabel = (e: string): string => ENTITY_LABELS[e] ?? e.replace(/_/g, ' ');
