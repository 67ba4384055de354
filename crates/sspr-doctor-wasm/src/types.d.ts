// Generated from the Rust types by crates/sspr-doctor-core/tests/ts_types.rs (ts-rs): do not edit.

export type FindingId = never | "no_global_admin_can_reset" | "few_global_admins_can_reset" | "throttled" | "sms_rate_limited" | "not_admin" | "personal_account" | "sspr_disabled" | "license_required" | "password_writeback" | "on_premises_sync_pending" | "reset_not_configured" | "username_invalid" | "email_not_sign_in_name" | "methods_not_registered" | "mobile_phone_missing" | "alternate_email_missing" | "alternate_email_invalid" | "trunk_prefix_after_country_code" | "country_code_missing" | "phone_invalid" | "phone_not_mobile" | "phone_number_mismatch" | "non_carrier_sms_service" | "alternate_email_typo" | "alternate_email_in_tenant" | "alternate_email_carrier_filter" | "not_sspr_capable" | "too_few_methods" | "user_policy_applies" | "guest_resets_at_home" | "alternate_mobile_only" | "phone_mangled" | "sms_dependent" | "sms_retirement_exposure" | "shared_contact" | "microsoft_sms_retired" | "region_opt_in_required" | "carrier_rejects_us_sms" | "reset_link_not_clicked" | "junk_folder" | "sender_not_safelisted" | "contact_unreachable" | "sms_delivery" | "email_delivery" | "msonline_retired" | "policy_output_unrecognized" | "page_message_unrecognized";
export type Severity = "blocking" | "likely" | "check";
export type Channel = "email" | "sms" | "both";
export type Method = "email" | "mobilePhone" | "officePhone" | "authenticatorApp" | "securityQuestions";
export type PhoneType = "mobile" | "fixedLine" | "fixedLineOrMobile" | "voip" | "tollFree" | "premiumRate" | "sharedCost" | "personalNumber" | "pager" | "uan" | "voicemail" | "unknown";
export type Symptom = "email" | "sms" | "both";
export type Lang = "en" | "ja";
export type SmsProvider = "carrier" | "voipApp";
export type AccountSource = "cloud" | "synced" | "federated";
export type Cloud = "public" | "usGovernment" | "usGovernmentDoD" | "china";
export type Case = { symptom?: Symptom | null, lang?: Lang | null, username?: string | null, isAdmin?: boolean | null, soleAdmin?: boolean | null, globalAdmin?: boolean | null, alternateEmail?: string | null, mobilePhone?: string | null, phoneCountry?: string | null, smsProvider?: SmsProvider | null, carrierReceivesUsSms?: boolean | null, clickedResetLink?: boolean | null, checkedJunkFolder?: boolean | null, safeSenderAdded?: boolean | null, ssprEnabled?: boolean | null, policyOutput?: string | null, pageMessage?: string | null, methods?: Array<Method> | null, telecomProvider?: boolean | null, today?: string | null, 
/**
 * v1.1: the contact data appears under the account's Authentication methods, not
 * only in its directory details.
 */
registeredAsMethods?: boolean | null, 
/**
 * v1.1: where the account's password lives.
 */
accountSource?: AccountSource | null, 
/**
 * v1.1: the support code or correlation ID shown on the reset page, as pasted.
 */
supportCode?: string | null, 
/**
 * Addition: the date and time with its offset (`2026-11-25T10:15:00+09:00`), for the
 * support summary; the page and the command line fill it from the clock when absent.
 */
now?: string | null, 
/**
 * v1.2: which Microsoft cloud the organization is in (default public). Microsoft's
 * SMS/voice retirement dates are for the public cloud only.
 */
cloud?: Cloud | null, };
export type Command = { text: string, 
/**
 * The retired MSOnline form, shown only so people recognize it: never to run.
 */
legacy: boolean, };
export type Finding = { id: FindingId, severity: Severity, channel: Channel, title: string, detail: string, steps: Array<string>, 
/**
 * What was seen. A sorted map, so every front door serializes it identically.
 */
evidence: Record<string, string>, 
/**
 * Commands to run, for copy buttons (an addition to contract v1). The same commands
 * also appear inside `steps`, so a reader of steps alone misses nothing.
 */
commands: Array<Command>, };
export type ResolutionId = "askYourAdmin" | "askAnotherAdmin" | "contactSupport" | "unknown";
export type Resolution = { id: ResolutionId, steps: Array<string>, };
export type PhoneReport = { input: string, 
/**
 * The corrected number when a correction is certain, else the parsed one, else null.
 */
e164: string | null, 
/**
 * ISO 3166-1 alpha-2 region of the number, when known.
 */
country: string | null, type: PhoneType, valid: boolean, };
export type EmailReport = { input: string, normalized: string, valid: boolean, suggestion: string | null, };
export type Report = { 
/**
 * True when no finding is `blocking` or `likely`.
 */
ok: boolean, findings: Array<Finding>, resolution: Resolution, phone: PhoneReport | null, email: EmailReport | null, ssprEnabled: boolean | null, 
/**
 * v1.1: a ready-to-paste summary for a help desk or Microsoft support, in the case's
 * language (summary.rs).
 */
supportSummary: string, 
/**
 * Addition: when this copy's Microsoft facts are older than the limit on the case's
 * `today`, a notice saying so and where to get a fresh copy; else null.
 */
factsNotice: string | null, };
export type PhoneInput = { mobilePhone: string, phoneCountry?: string | null, };
export type PhoneCheck = { input: string, e164: string | null, country: string | null, type: PhoneType, valid: boolean, findings: FindingId[], suggestion: string | null, };
