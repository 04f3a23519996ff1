import { type GroupNotice, groupNoticeSchema } from "@port443/notice";
import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { createElement } from "react";
import { type AccountEmail, accountEmailSchema, copyFor } from "./account";
import { groupSubject } from "./group-copy";
import {
  type AlertKind,
  type AlertNotice,
  alertNoticeSchema,
  type DigestInput,
  digestInputSchema,
  parseOrThrow,
} from "./notice";
import { alertSubject, digestSubject } from "./subject";
import { AccountEmailTemplate } from "./templates/account-email";
import { DailyDigest } from "./templates/daily-digest";
import { ExpiryAlert } from "./templates/expiry-alert";
import { FailingScanAlert } from "./templates/failing-scan-alert";
import { GroupAlert } from "./templates/group-alert";
import { ResolvedNotice } from "./templates/resolved-notice";
import { WeakConfigAlert } from "./templates/weak-config-alert";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

type NoticeTemplate = (props: { notice: AlertNotice }) => ReactElement;

/** The template for an opened alert of each kind; every resolved notice uses ResolvedNotice. */
const openedTemplates: Record<AlertKind, NoticeTemplate> = {
  expiry: ExpiryAlert,
  expired: ExpiryAlert,
  renewal_overdue: ExpiryAlert,
  early_renewal: ExpiryAlert,
  cert_changed: ExpiryAlert,
  weak_config: WeakConfigAlert,
  grade_drop: WeakConfigAlert,
  trust: WeakConfigAlert,
  scan_failing: FailingScanAlert,
};

/** Headings keep their case in text: upper-casing would turn hostnames into API.EXAMPLE.COM. */
const textOptions = {
  selectors: ["h1", "h2"].map((selector) => ({ selector, options: { uppercase: false } })),
};

async function toEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  // render() is async in @react-email/render 2.x (React's streaming renderer); the text is
  // derived from the same HTML rather than rendering the tree a second time.
  const html = await render(element);
  return { subject, html, text: toPlainText(html, textOptions) };
}

/** Validates the stored notice (InvalidNoticeError if it does not match) and renders its email. */
export async function renderAlertEmail(input: AlertNotice): Promise<RenderedEmail> {
  const notice = parseOrThrow(alertNoticeSchema, input, "alert notice");
  const template = notice.event === "resolved" ? ResolvedNotice : openedTemplates[notice.kind];
  return toEmail(alertSubject(notice), createElement(template, { notice }));
}

/** One email for a group of domains that share a cause (a notification group's message). */
export async function renderGroupEmail(input: GroupNotice): Promise<RenderedEmail> {
  const notice = parseOrThrow(groupNoticeSchema, input, "group notice");
  return toEmail(groupSubject(notice), createElement(GroupAlert, { notice }));
}

/** One email per team and day; the notices are validated like renderAlertEmail's. */
export async function renderDigestEmail(input: DigestInput): Promise<RenderedEmail> {
  const digest = parseOrThrow(digestInputSchema, input, "digest");
  return toEmail(digestSubject(digest), createElement(DailyDigest, digest));
}

/** Verification, password reset, magic link and invitation emails. */
export async function renderAccountEmail(input: AccountEmail): Promise<RenderedEmail> {
  const email = parseOrThrow(accountEmailSchema, input, "account email");
  const copy = copyFor(email);
  return toEmail(copy.subject, createElement(AccountEmailTemplate, { copy, url: email.url }));
}
