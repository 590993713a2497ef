// The shapes that cross the boundaries (engine report, protocol messages, stored contacts)
// and the namespaces the classic scripts publish on globalThis, for the type checker
// (tsconfig.json: `tsc` checks the shipped JavaScript's JSDoc against these). Not shipped.

export interface Recipient { name?: string; headline?: string; company?: string }
export interface Context {
  recipient?: Recipient;
  limit?: number;
  kind?: 'invitation' | 'message';
  disabled?: string[];
  /** The page's declared language (ISO 639-1), a hint for the engine. */
  language?: string;
}
export interface CategoryScore { id: string; label: string; score: number; max: number }
/** Spans in UTF-16 code units, end-exclusive; start == end with a replacement inserts. */
export interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'suggestion';
  category: string;
  start: number;
  end: number;
  message: string;
  replacement: string | null;
  /** Score gained if this finding alone is fixed (engines before the 2026-12 rewrite leave it out). */
  points?: number;
}
export interface Report {
  /** null only when `supported` is false. */
  score: number | null;
  /** ISO 639-1; absent from older engines. */
  language?: string;
  /** false: the language is not checked, so there is no score; absent means true. */
  supported?: boolean;
  length: number;
  limit: number;
  truncated: boolean;
  categories: CategoryScore[];
  findings: Finding[];
  capped_by: string | null;
}
/** The engine's contact (src/followup/mod.rs): times in UTC ms; `url` always rebuilt from `key`. */
export interface Contact {
  key: string; url: string; name: string; headline: string | null; company: string | null;
  invited_at: number | null; note_sent: string | null; notes: string; follow_up_at: number | null;
  done_at: number | null; updated: number; schema: number;
  status?: InviteStatus | null; status_at?: number | null; note_score?: number | null;
  last_interaction_at?: number | null; cadence_days?: number | null;
}
export type InviteStatus = 'pending' | 'accepted' | 'withdrawn' | 'expired';
export interface Settings {
  follow_up_days: number; limit: number; notifications: boolean; disabled_rules: string[];
  pending_days: number; expire_days: number; premium: boolean; monthly_notes: number;
}
/** How often to follow up (the engine's Rhythm). */
export type Rhythm = 'once' | { days: number } | { weeks: number } | { months: number };
/** Why a contact is due (the engine's DueReason). */
export type DueReason = { kind: 'follow_up'; at: number } | { kind: 'pending_invitation'; invited_at: number; days: number };
/** One entry of the engine's due list (`outcomeView`). */
export interface DueItem {
  contact: Contact; since: number; reasons: DueReason[]; message: string;
  withdraw_url: string | null; last_contact: number | null; outcome: InviteStatus | null;
}
/** One group of the insights: a rate with its Wilson 95% interval. */
export interface InsightGroup {
  key: string; label: string; invitations: number; accepted: number; not_accepted: number; pending: number;
  rate: number | null; interval: { low: number; high: number } | null; too_early: boolean;
}
export interface Insights {
  overall: InsightGroup; tables: { id: string; title: string; groups: InsightGroup[] }[];
  unscored: number; unseen: number; computed_at: number;
}
export type Status = 'due' | 'upcoming' | 'done' | 'idle';
/** A protocol request (protocol.js documents each kind's fields). */
export interface Request { kind: string; [field: string]: any }

declare global {
  var Rapport: any;
  var rapportErrors: { where: string; message: string; at: number }[];
}
