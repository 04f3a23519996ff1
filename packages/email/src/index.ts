export type { AccountEmail } from "./account";
export {
  createMailer,
  isPermanentSmtpError,
  type Mailer,
  type MailerOptions,
  type OutgoingEmail,
} from "./mailer";
export {
  type AlertKind,
  type AlertNotice,
  alertNoticeSchema,
  type DigestInput,
  InvalidNoticeError,
  type Severity,
} from "./notice";
export {
  type RenderedEmail,
  renderAccountEmail,
  renderAlertEmail,
  renderDigestEmail,
  renderGroupEmail,
} from "./render";
