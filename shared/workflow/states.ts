/**
 * Every state a report, a plan, a sent bundle or an outbox item can be in, and what moves it: one table
 * each, read by the services (which refuse a move the table does not have), by the renderer (which shows
 * only the buttons the table allows) and by the tests. Labels for people are in state-labels.ts.
 */

type Flow<S extends string, A extends string> = Record<S, Partial<Record<A, S>>>;

function after<S extends string, A extends string>(flow: Flow<S, A>, state: S, action: A): S | null {
  return flow[state][action] ?? null;
}

/** A unit's report: typed, submitted (or received as a bundle), then accepted or returned for changes. */
export const REPORT_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_ACTIONS = ['save', 'submit', 'accept', 'return', 'receiveBundle'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_FLOW: Flow<ReportState, ReportAction> = {
  draft: { save: 'draft', submit: 'submitted', receiveBundle: 'submitted' },
  returned: { save: 'returned', submit: 'submitted', receiveBundle: 'submitted' },
  submitted: { accept: 'accepted', return: 'returned', receiveBundle: 'submitted' },
  // a newer revision from the unit's installation supersedes even an accepted one, history kept
  accepted: { receiveBundle: 'submitted' },
};

export const reportAfter = (state: ReportState, action: ReportAction) => after(REPORT_FLOW, state, action);
export const reportAllows = (state: ReportState, action: ReportAction) => reportAfter(state, action) !== null;

/** A plan: the office's own (draft, then issued and revised) or one received from the body above. */
export const PLAN_STATES = ['draft', 'issued', 'received'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const PLAN_ACTIONS = ['edit', 'issue', 'revise', 'remove', 'send', 'collectReports', 'receiveRevision'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export const PLAN_FLOW: Flow<PlanState, PlanAction> = {
  draft: { edit: 'draft', issue: 'issued', remove: 'draft' },
  issued: { revise: 'issued', send: 'issued', collectReports: 'issued' },
  received: { edit: 'received', remove: 'received', receiveRevision: 'received' },
};

export const planAfter = (state: PlanState, action: PlanAction) => after(PLAN_FLOW, state, action);
export const planAllows = (state: PlanState, action: PlanAction) => planAfter(state, action) !== null;

/** A bundle this office made: saved (on a stick or in the outbox), then received (a receipt came back) or returned. */
export const SENT_BUNDLE_STATES = ['saved', 'received', 'returned'] as const;
export type SentBundleState = (typeof SENT_BUNDLE_STATES)[number];
export type SentBundleAction = 'receipt' | 'return';

export const SENT_BUNDLE_FLOW: Flow<SentBundleState, SentBundleAction> = {
  saved: { receipt: 'received', return: 'returned' },
  // a receipt never downgrades a report that came back returned
  received: { return: 'returned' },
  returned: {},
};

export const sentBundleAfter = (state: SentBundleState, action: SentBundleAction) => after(SENT_BUNDLE_FLOW, state, action);

/** A file waiting for the network: waiting until the server has it, byte for byte. */
export const OUTBOX_STATES = ['waiting', 'sent'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
