// What the user has answered. Kept outside the DOM so switching language (a re-render)
// loses nothing, and turned into a contract Case only when diagnosing.

export const METHODS = ['email', 'mobilePhone', 'officePhone', 'authenticatorApp', 'securityQuestions'];

export function emptyState() {
  return {
    symptom: 'both',
    username: '', isAdmin: null, soleAdmin: null, globalAdmin: null, accountSource: null,
    alternateEmail: '', alternateEmailNone: false, checkedJunkFolder: null, safeSenderAdded: null,
    mobilePhone: '', mobilePhoneNone: false, phoneCountry: '', registeredAsMethods: null, smsProvider: null,
    carrierReceivesUsSms: null, clickedResetLink: null,
    ssprEnabled: null, policyOutput: '', methods: null, telecomProvider: null, cloud: 'public',
    pageMessage: '', supportCode: '',
  };
}

const text = (s) => (s.trim() === '' ? null : s);

/** The contract Case for the current answers: unanswered is null ("not known"). Questions
 *  of sections the symptom hides count as unanswered. */
export function toCase(s, lang, visible = { email: true, sms: true }) {
  const c = {
    symptom: s.symptom,
    lang,
    username: text(s.username),
    isAdmin: s.isAdmin,
    soleAdmin: s.soleAdmin,
    globalAdmin: s.globalAdmin,
    alternateEmail: s.alternateEmailNone ? '' : text(s.alternateEmail),
    checkedJunkFolder: s.checkedJunkFolder,
    safeSenderAdded: s.safeSenderAdded,
    mobilePhone: s.mobilePhoneNone ? '' : text(s.mobilePhone),
    phoneCountry: text(s.phoneCountry),
    smsProvider: s.smsProvider,
    carrierReceivesUsSms: s.carrierReceivesUsSms,
    clickedResetLink: s.clickedResetLink,
    ssprEnabled: s.ssprEnabled,
    policyOutput: text(s.policyOutput),
    methods: s.methods === null ? null : METHODS.filter((m) => s.methods.includes(m)),
    telecomProvider: s.telecomProvider,
    pageMessage: text(s.pageMessage),
    registeredAsMethods: s.registeredAsMethods,
    accountSource: s.accountSource,
    supportCode: text(s.supportCode),
    cloud: s.cloud ?? 'public',
  };
  if (!visible.email) Object.assign(c, { checkedJunkFolder: null, safeSenderAdded: null });
  if (!visible.sms) Object.assign(c, { smsProvider: null, carrierReceivesUsSms: null, clickedResetLink: null, telecomProvider: null });
  if (s.isAdmin === false) Object.assign(c, { soleAdmin: null, globalAdmin: null, methods: null });
  return c;
}
