/**
 * Registers `<invite-accept-form>`.
 * @module
 */
import { InviteAcceptFormElement } from './components/invite-accept-form/invite-accept-form.component.js';
import { defineElement } from './internal/define.js';
export { setLocale, getLocale, supportedLocales } from './localization.js';

export {
  InviteAcceptFormElement,
  inviteAcceptFormStates,
  maskLoginId,
  type InviteAcceptFormState,
} from './components/invite-accept-form/invite-accept-form.component.js';
export * from './components/invite-accept-form/invite-accept-form.events.js';
export {
  checkPassword,
  passwordProblemsOf,
  passwordProblems,
  isCommonPassword,
  containsLoginId,
  codePointLength,
  MAX_PASSWORD_LENGTH,
  DEFAULT_MIN_PASSWORD_LENGTH,
  type PasswordProblem,
  type PasswordRuleOptions,
} from './core/password/password-rules.js';

defineElement('invite-accept-form', InviteAcceptFormElement);

declare global {
  interface HTMLElementTagNameMap {
    'invite-accept-form': InviteAcceptFormElement;
  }
}
