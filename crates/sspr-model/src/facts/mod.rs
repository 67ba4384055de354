//! Every Microsoft fact the diagnosis quotes lives here, once, with the public page it
//! comes from (read in stored copies of Microsoft Learn, checked on `FACTS_CHECKED`).
//! Findings and texts refer to these constants; nothing else spells them.

mod clouds;
mod fixing;
mod page_messages;
mod roles;

pub use clouds::*;
pub use fixing::*;
pub use roles::*;

pub use crate::date::Date;
pub use page_messages::{read_page_codes, PageCause, PAGE_PHRASES, SSPR_ERROR_CODES};

/// The date every fact in this module was last checked against its Microsoft Learn page.
/// A saved copy of the tool says how old its facts are from this date.
pub const FACTS_CHECKED: Date = Date::ymd(2026, 11, 25);

/// After this many days, a copy of the tool says its facts may be out of date.
pub const FACTS_STALE_AFTER_DAYS: i64 = 180;

/// How many days old the facts are on `today`, when that is more than
/// `FACTS_STALE_AFTER_DAYS` (a copy kept that long may give advice Microsoft has changed).
pub fn stale_days(today: Date) -> Option<i64> {
    let days = today.days_since(FACTS_CHECKED);
    (days > FACTS_STALE_AFTER_DAYS).then_some(days)
}

// ---- The reset page and security info ---------------------------------------------------

/// The password-reset page.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/tutorial-enable-sspr
pub const RESET_PAGE_URL: &str = "https://aka.ms/sspr";

/// Where a user registers or reviews security info (methods).
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/troubleshoot-sspr
/// ("register additional security info at https://aka.ms/ssprsetup") and
/// https://support.microsoft.com/account-billing/set-up-your-security-info-from-a-sign-in-page-28180870-c256-4ebf-8bd7-5335571bf9a8
pub const SECURITY_INFO_URL: &str = "https://aka.ms/mysecurityinfo";

/// The senders of SSPR emails, per cloud. The Case's `safeSenderAdded` asks about the
/// first; both public addresses belong on a safe senders list.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-howitworks
/// ("Notifications": "Email notifications from the SSPR service will be sent from the
/// following addresses based on the Azure cloud you are working with").
pub const RESET_EMAIL_SENDER: &str = "msonlineservicesteam@microsoftonline.com";
pub const RESET_EMAIL_SENDER_2: &str = "msonlineservicesteam@microsoft.com";
pub const RESET_EMAIL_SENDERS_21VIANET: [&str; 2] = ["msonlineservicesteam@oe.21vianet.com", "21Vianetonlineservicesteam@21vianet.com"];
pub const RESET_EMAIL_SENDERS_US_GOV: [&str; 2] =
    ["msonlineservicesteam@azureadnotifications.us", "msonlineservicesteam@microsoftonline.us"];

// ---- The administrator switch (Microsoft Graph) -------------------------------------------

/// Microsoft Graph PowerShell: read the administrator SSPR switch. `allowedToUseSSPR`
/// "indicates whether administrators of the tenant can use the Self-Service Password
/// Reset": it does not govern other users, whose reset follows the "Self service password
/// reset enabled" setting (None / Selected / All).
/// Sources: https://learn.microsoft.com/en-us/graph/api/resources/authorizationpolicy,
/// https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-policy#administrator-reset-policy-differences
/// (ms.date 2026-05-26), https://learn.microsoft.com/en-us/entra/identity/authentication/tutorial-enable-sspr
pub const GRAPH_CONNECT_READ: &str = "Connect-MgGraph -Scopes Policy.Read.All";
pub const GRAPH_READ_SSPR: &str = "Get-MgPolicyAuthorizationPolicy | Format-List AllowedToUseSspr";
/// Same pages: enable it. Updating the policy needs at least Privileged Role Administrator.
pub const GRAPH_CONNECT_WRITE: &str = "Connect-MgGraph -Scopes Policy.ReadWrite.Authorization";
pub const GRAPH_ENABLE_SSPR: &str = "Update-MgPolicyAuthorizationPolicy -AllowedToUseSspr:$true";
/// Installing the module that has those cmdlets.
/// Source: https://learn.microsoft.com/en-us/powershell/microsoftgraph/installation
pub const GRAPH_INSTALL: &str = "Install-Module Microsoft.Graph.Identity.SignIns -Scope CurrentUser";
/// The whole SDK, for the fix script (which also signs in and reads users).
pub const GRAPH_INSTALL_ALL: &str = "Install-Module Microsoft.Graph -Scope CurrentUser";
/// Policy changes for administrator SSPR "can take up to 60 minutes to take effect".
/// Source: concept-sspr-policy (above).
pub const POLICY_PROPAGATION_MINUTES: u32 = 60;

/// The legacy MSOnline command from the original article, shown only as legacy.
/// MSOnline "will retire, and stop working, between early April 2025 and late May 2025";
/// it now answers "MSOnline is retired and access is disallowed".
/// Sources: https://learn.microsoft.com/en-us/entra/fundamentals/whats-new (2025-02-06);
/// the error text as users reported it (Gerenios/AADInternals issues 113 and 122, 2025).
pub const MSOL_READ_SSPR: &str = "Get-MsolCompanyInformation | fl SelfServePasswordResetEnabled";
/// What the retired module prints now, lower case.
pub const MSOL_RETIRED_TEXTS: &[&str] =
    &["msonline is retired", "msonline is retiring", "access is disallowed", "aka.ms/msonlineretirement"];
/// Property names as they appear in the three outputs we parse.
pub const MSOL_PROPERTY: &str = "SelfServePasswordResetEnabled";
pub const GRAPH_PROPERTY: &str = "AllowedToUseSspr";

// ---- Administrator policy, roles ---------------------------------------------------------

/// Administrator SSPR uses a "two-gate" policy: two pieces of authentication data, and
/// security questions are prohibited; "Office and mobile voice calls are also prohibited
/// for trial or free versions of Microsoft Entra ID". A one-gate policy applies only in a
/// trial's first 30 days, or with no custom domain and no directory synchronization.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-policy#administrator-reset-policy-differences (ms.date 2026-05-26)
pub const ADMIN_METHODS_REQUIRED: usize = 2;
pub const ONE_GATE_DOMAIN_SUFFIX: &str = ".onmicrosoft.com";

// Who can reset a Global Administrator's password: only a Global Administrator or a
// Privileged Authentication Administrator. The same two can add or change the
// authentication methods of any user, administrators included.
// Source: https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/privileged-roles-permissions#who-can-reset-passwords (ms.date 2026-06-05)
// (The roles' names in each language are words: sspr_words::names.)

/// The Global Administrator role's template id (the same in every tenant), and its
/// MSOnline-era name "Company Administrator", as exports write them.
/// Source: https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference#global-administrator
pub const GLOBAL_ADMIN_ROLE_TEMPLATE_ID: &str = "62e90394-69f5-4237-9190-012177145e10";

/// Which registered methods SSPR can use for an administrator (the two-gate policy; the
/// admin policy "doesn't depend upon the Authentication methods policy"): email, the
/// mobile phone (text or call), the office phone (call), Microsoft Authenticator
/// (notification or code, which also covers third-party software OATH tokens) and
/// hardware OATH tokens. Not: security questions (prohibited for administrators), the
/// alternate mobile phone ("Alternate phone methods are only available for MFA"),
/// passkeys, FIDO2 keys, Windows Hello, Temporary Access Pass, certificates.
/// Sources: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-policy#administrator-reset-policy-differences,
/// https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-phone-options,
/// https://learn.microsoft.com/en-us/entra/identity/authentication/overview-authentication (ms.date 2026-04-30)
pub fn admin_sspr_gate(m: crate::audit::AuthMethod) -> Option<crate::cause::Gate> {
    use crate::audit::AuthMethod as M;
    use crate::cause::Gate as G;
    match m {
        M::Email => Some(G::Email),
        M::MobilePhone => Some(G::MobilePhone),
        M::OfficePhone => Some(G::OfficePhone),
        M::MicrosoftAuthenticatorPush | M::SoftwareOneTimePasscode => Some(G::AuthenticatorApp),
        M::HardwareOneTimePasscode => Some(G::HardwareToken),
        // Phone sign-in is a sign-in method, not a reset method (overview-authentication).
        M::MicrosoftAuthenticatorPasswordless
        | M::AlternateMobilePhone
        | M::SecurityQuestion
        | M::Fido2SecurityKey
        | M::PassKeyDeviceBound
        | M::PassKeySynced
        | M::WindowsHelloForBusiness
        | M::TemporaryAccessPass
        | M::CertificateBasedAuthentication
        | M::MacOsSecureEnclaveKey => None,
    }
}

/// User principal name rules: allowed characters, no "." just before "@", at most 64
/// characters before the "@", 48 after it, 113 in all.
/// Source: concept-sspr-policy, "Username policies" (above).
pub const UPN_LOCAL_EXTRA_CHARS: &str = "'.-_!#^~";
pub const UPN_MAX_LOCAL: usize = 64;
pub const UPN_MAX_DOMAIN: usize = 48;
pub const UPN_MAX_TOTAL: usize = 113;

// ---- Registered methods only (2026) ------------------------------------------------------

/// "Starting Oct 5, 2026, SSPR will only accept explicitly registered authentication
/// methods. Directory-sourced properties — such as mobilePhone, businessPhone, and
/// otherMails — that were never registered will no longer work for SSPR verification."
/// And: "Starting Nov 9, 2026, If your SSPR settings require users to register during
/// sign-in, and enabled users do not have enough methods to complete SSPR, a registration
/// campaign will prompt affected users to register methods ahead of enforcement." (The page
/// says "ahead of enforcement" although enforcement is dated earlier: we quote both dates
/// as Learn gives them and say nothing of their order.)
/// Announced in Message Center as MC1325414. Learn does not quote that message; copies of
/// it outside Microsoft say it was published 2026-05-28 and updated 2026-06-26 with other
/// dates (September 7 / August 6), so we give only Learn's dates.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/howto-sspr-authenticationdata
/// (read 2026-12-05; docs/learn-checks/2026-12-05-advice-round-2.md, item 1)
pub const REGISTERED_METHODS_ONLY: Date = Date::ymd(2026, 10, 5);
pub const REGISTRATION_CAMPAIGN: Date = Date::ymd(2026, 11, 9);
pub const MESSAGE_CENTER_ID: &str = "MC1325414";
pub const AUTHENTICATION_DATA_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/howto-sspr-authenticationdata";
/// Adding methods for another user (Microsoft Graph PowerShell); a Privileged
/// Authentication Administrator may do it for anyone, an Authentication Administrator
/// for users without administrator roles.
/// Sources: https://learn.microsoft.com/en-us/graph/api/authentication-post-phonemethods,
/// https://learn.microsoft.com/en-us/graph/api/authentication-post-emailmethods
/// With the narrowest permissions that reach another user's phone and email methods
/// (fixing.rs, SCOPE_WRITE_*), and the email's alone where only an address is added.
pub const GRAPH_CONNECT_METHODS: &str = "Connect-MgGraph -Scopes UserAuthMethod-Phone.ReadWrite.All, UserAuthMethod-Email.ReadWrite.All";
pub const GRAPH_CONNECT_EMAIL_METHOD: &str = "Connect-MgGraph -Scopes UserAuthMethod-Email.ReadWrite.All";
pub const GRAPH_ADD_PHONE: &str =
    "New-MgUserAuthenticationPhoneMethod -UserId admin@contoso.com -BodyParameter @{ phoneNumber = \"+81 9012345678\"; phoneType = \"mobile\" }";
/// "A user may only have one phone of each type … adding a `mobile` phone to a user with a
/// preexisting `mobile` phone will fail": then the existing method is updated. The mobile
/// phone method's id is the same for every user.
/// Sources: https://learn.microsoft.com/en-us/graph/api/authentication-post-phonemethods,
/// https://learn.microsoft.com/en-us/graph/api/phoneauthenticationmethod-update,
/// https://learn.microsoft.com/en-us/graph/api/resources/phoneauthenticationmethod
pub const MOBILE_PHONE_METHOD_ID: &str = "3179e48a-750b-4051-897c-87b9720928f7";
pub const ALTERNATE_MOBILE_PHONE_METHOD_ID: &str = "b6332ec1-7057-4abe-9331-3d72feddfe41";
pub const OFFICE_PHONE_METHOD_ID: &str = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
pub const GRAPH_UPDATE_PHONE: &str = "Update-MgUserAuthenticationPhoneMethod -UserId admin@contoso.com -PhoneAuthenticationMethodId 3179e48a-750b-4051-897c-87b9720928f7 -BodyParameter @{ phoneNumber = \"+81 9012345678\"; phoneType = \"mobile\" }";
pub const GRAPH_ADD_EMAIL: &str =
    "New-MgUserAuthenticationEmailMethod -UserId admin@contoso.com -BodyParameter @{ emailAddress = \"someone@example.com\" }";

// ---- Throttling and telephony ------------------------------------------------------------

/// SSPR throttling: five phone validations, five security-question attempts or five
/// resets of the same account in one hour; then wait 24 hours after the last attempt.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/troubleshoot-sspr (ms.date 2025-06-06)
pub const THROTTLE_ATTEMPTS_PER_HOUR: u32 = 5;
pub const THROTTLE_WAIT_HOURS: u32 = 24;

/// The telephony limit for repeated attempts: "You've hit our limit on verification calls"
/// or "... on text verification codes"; "try to sign in again in a few minutes", or use
/// the Authenticator app or a verification code.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-phone-options (ms.date 2025-10-26)
pub const PHONE_OPTIONS_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/concept-authentication-phone-options";

/// Telephony fraud protection: "Sorry, we're having trouble verifying your account";
/// throttles "normally clear after a few hours to a few days"; new tenants are throttled
/// "for the first few days after a tenant is created".
/// Sources: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-mfa-telephony-fraud,
/// https://learn.microsoft.com/en-us/entra/identity/authentication/concept-mfa-regional-opt-in (ms.date 2025-07-28)
pub const OPT_IN_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/concept-mfa-regional-opt-in";

/// Delivery: texts may come over SMS, RCS or WhatsApp (WhatsApp Business number
/// +1 (217) 302 1989); short codes only in the United States and Canada; routes change.
/// Learn's "attempt up to five times in 5 minutes" (MFA FAQ) and "at least five times
/// within 5 minutes" (evidence for Microsoft support) are about sign-in calls and texts; in
/// password reset, five phone validations in an hour block the account for 24 hours
/// (`THROTTLE_ATTEMPTS_PER_HOUR`), so we never advise them for a reset.
/// Sources: concept-authentication-phone-options (above);
/// https://learn.microsoft.com/en-us/entra/identity/authentication/multi-factor-authentication-faq (ms.date 2026-02-09)
pub const WHATSAPP_SENDER: &str = "+1 (217) 302 1989";

/// SSPR sends text messages and calls to numbers written "+1 4251234567": the country
/// code, one space, the number; extensions are removed before the call is placed.
/// Sources: https://learn.microsoft.com/en-us/entra/identity/authentication/howto-sspr-authenticationdata,
/// https://learn.microsoft.com/en-us/graph/api/resources/phoneauthenticationmethod
pub const ENTRA_PHONE_EXAMPLE: &str = "+1 4251234567";
pub const ENTRA_PHONE_EXAMPLE_JP: &str = "+81 9012345678";

/// Retirement of Microsoft-provided SMS and voice (this covers SSPR): after the date,
/// text messages and calls need a telephony provider from Microsoft Security Store. An
/// office phone is reached only by voice call (Graph: "usable only for voice calls";
/// configured under Voice calls), so it stops too: Learn does not name it, we infer it.
/// "This timeline applies to public cloud environments only. Other cloud environments will
/// follow on a later schedule": no date is given for them (`sms_retirement`).
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sms-voice-retirement
/// and .../concept-sms-voice-retirement-faq (ms.date 2026-09-23; shared/data/README.md).
pub const SMS_RETIREMENT_ALL_USERS: Date = Date::ymd(2027, 2, 1);
pub const SMS_RETIREMENT_GLOBAL_ADMINS: Date = Date::ymd(2027, 7, 1);

/// The retirement dates (all users, Global Administrators and external users) in a cloud,
/// when Microsoft has given them: the public cloud only (same sources).
pub fn sms_retirement(cloud: crate::case::Cloud) -> Option<(Date, Date)> {
    match cloud {
        crate::case::Cloud::Public => Some((SMS_RETIREMENT_ALL_USERS, SMS_RETIREMENT_GLOBAL_ADMINS)),
        crate::case::Cloud::UsGovernment | crate::case::Cloud::UsGovernmentDod | crate::case::Cloud::China => None,
    }
}

/// Choose Your Own Telephony Provider: "Soprano and Telesign are the initial providers
/// available during the private preview"; "The configuration experience becomes
/// available beginning October 30, 2026." Whoever offers it says it is a preview.
/// Sources: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-phone-providers,
/// https://learn.microsoft.com/en-us/entra/identity/authentication/phone-providers-faq (ms.date 2026-09-20/23)
pub const TELEPHONY_PROVIDER_CONFIGURABLE: Date = Date::ymd(2026, 10, 30);
pub const PHONE_PROVIDERS_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/concept-phone-providers";
pub const SMS_RETIREMENT_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/concept-sms-voice-retirement";
/// The later date covers Global Administrators and external users (B2B guests, whose user
/// names carry `#EXT#`); internal guests keep the earlier one. Same sources. That date is
/// for their sign-in here: a guest resets their password in their home organization,
/// under its policy ("we respect whatever password reset policies are enabled on that
/// tenant"; a guest with a personal Microsoft account cannot use Entra SSPR at all).
/// Source (guests): https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-howitworks
/// ("Password reset for B2B users", ms.date 2025-03-04)
pub const EXTERNAL_USER_UPN_MARK: &str = "#EXT#";

// The methods SSPR accepts besides text messages and calls. Passkeys, FIDO2 keys,
// Windows Hello, Temporary Access Pass and Microsoft Authenticator passwordless phone
// sign-in are not SSPR methods (overview-authentication: "Microsoft Authenticator
// passwordless | Yes | No"). Security questions remain only in the legacy SSPR settings
// and never count for administrators. The office phone is configured in the
// Authentication methods policy under Voice calls (Configure tab: office phone), or in the
// legacy SSPR settings.
// Sources: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-howitworks,
// https://learn.microsoft.com/en-us/entra/identity/authentication/overview-authentication (ms.date 2025-11-10),
// https://learn.microsoft.com/en-us/entra/identity/authentication/how-to-authentication-methods-manage (ms.date 2026-01-15)
// (Which count for administrators: admin_sspr_gate; the lists as sentences: sspr_words::names.)

/// Calling codes whose SMS and voice need the tenant to opt in through a support request.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-mfa-regional-opt-in
/// (ms.date 2025-07-28; copied from shared/data, whose README gives the method and caveats).
mod opt_in {
    include!(concat!(env!("OUT_DIR"), "/opt_in.rs"));
}

/// Is this calling-code key (`81`, or `1876` for NANP) on the opt-in list?
pub fn opt_in_regions(key: &str) -> Option<&'static str> {
    opt_in::OPT_IN.binary_search_by_key(&key, |r| r.0).ok().map(|i| opt_in::OPT_IN[i].1)
}

// ---- Password writeback (synchronized and federated accounts) ----------------------------

/// A password managed on-premises (password hash sync, pass-through, federation) is reset
/// in the cloud only with password writeback (Microsoft Entra Connect or cloud sync);
/// "Federated, pass-through authentication, or password hash synchronized users aren't
/// able to reset their passwords" without it. The writeback account cannot reset members
/// of protected groups (Domain Admins, Enterprise Admins, ...). Failures are in the
/// Application event log of the Connect server (sources PasswordResetService and ADSync).
/// Sources: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-howitworks,
/// https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-writeback,
/// https://learn.microsoft.com/en-us/entra/identity/authentication/troubleshoot-sspr-writeback,
/// https://learn.microsoft.com/en-us/entra/identity/authentication/tutorial-enable-sspr-writeback (ms.date 2026-05-27)
pub const WRITEBACK_TROUBLESHOOT_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/troubleshoot-sspr-writeback";
pub const WRITEBACK_EVENT_SOURCES: &str = "PasswordResetService, ADSync";

// ---- Personal Microsoft accounts ---------------------------------------------------------

/// Personal Microsoft accounts (Outlook.com, Hotmail and the like) "can't use Microsoft
/// Entra SSPR"; they reset at account.live.com.
/// Sources: concept-sspr-howitworks (above);
/// https://support.microsoft.com/account-billing/reset-a-forgotten-microsoft-account-password-eff4f067-5042-c1a3-fe72-b04d60556c37
pub const PERSONAL_ACCOUNT_RESET_URL: &str = "https://account.live.com/password/reset";
/// Mail domains of personal Microsoft accounts. Not a Microsoft list (none is
/// published): Microsoft's consumer mail domains.
pub const PERSONAL_ACCOUNT_DOMAINS: &[&str] = &[
    "outlook.com",
    "outlook.jp",
    "hotmail.com",
    "hotmail.co.jp",
    "hotmail.co.uk",
    "hotmail.fr",
    "hotmail.de",
    "live.com",
    "live.jp",
    "live.co.uk",
    "msn.com",
    "passport.com",
];

// ---- Microsoft support for a sole administrator ------------------------------------------

/// Microsoft 365 support for administrators (phone support is listed by country).
/// "If you contact us from a number that isn't registered with your organization profile,
/// the Microsoft support representative sends a verification code to the registered email
/// or phone number." Subscriptions bought through a partner: contact the partner.
/// Sources: https://learn.microsoft.com/en-us/microsoft-365/admin/get-help-support (ms.date 2023-11-01),
/// https://learn.microsoft.com/en-us/microsoft-365/admin/support-contact-info
pub const SUPPORT_URL: &str = "https://learn.microsoft.com/microsoft-365/admin/get-help-support";
pub const SUPPORT_PHONE_URL: &str = "https://learn.microsoft.com/microsoft-365/admin/support-contact-info";
/// Not in Learn's articles, only in Microsoft Q&A answers by Microsoft moderators
/// (2026-03-24, questions 5834467, 5854665, 5871446): support opens a ticket for the
/// locked tenant and passes it to the Data Protection team, which verifies ownership; a
/// ticket can be opened from a temporary (trial) tenant when it cannot be created on the
/// call.
pub const SOLE_ADMIN_QA_URL: &str = "https://learn.microsoft.com/answers/questions/5834467/locked-out-of-my-admin-account";
/// A partner with granular delegated admin privileges can help only if its relationship
/// includes Privileged Authentication Administrator or Global Administrator.
/// Source: https://learn.microsoft.com/en-us/graph/api/resources/delegatedadminrelationships-api-overview
pub const GDAP_URL: &str = "https://learn.microsoft.com/graph/api/resources/delegatedadminrelationships-api-overview";
/// "Two or more emergency access accounts", cloud-only on *.onmicrosoft.com, with a
/// passkey (FIDO2), checked every 90 days.
/// Source: https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access (ms.date 2026-06-04)
/// The read-only script the audit offers: every member of every administrator role, active
/// (roleAssignments) and eligible (roleEligibilitySchedules, PIM), groups expanded, with
/// the registration report, phone and email methods and directory contact data, into a
/// CSV that the audit reads with nothing missing. Cmdlets and scopes:
/// https://learn.microsoft.com/en-us/graph/api/rbacapplication-list-roleassignments,
/// https://learn.microsoft.com/en-us/graph/api/rbacapplication-list-roleeligibilityschedules,
/// https://learn.microsoft.com/en-us/graph/api/authentication-list-phonemethods,
/// https://learn.microsoft.com/en-us/graph/api/authentication-list-emailmethods,
/// https://learn.microsoft.com/en-us/graph/api/userregistrationdetails-get,
/// https://learn.microsoft.com/en-us/powershell/module/microsoft.graph.authentication/connect-mggraph
/// It signs in to the organization's cloud (`{{ENVIRONMENT}}`: `audit_script`) and writes
/// the tenant id in every row (Get-MgContext).
const AUDIT_SCRIPT_TEMPLATE: &str = include_str!("admin-script.ps1");

/// The read-only script for an organization in `cloud`.
pub fn audit_script(cloud: crate::case::Cloud) -> String {
    AUDIT_SCRIPT_TEMPLATE.replace(AUDIT_SCRIPT_ENVIRONMENT, self::cloud(cloud).graph_environment)
}
/// The read-only script with the mark that `audit_script` replaces with the cloud's
/// `-Environment` name: the page carries it once instead of once per cloud.
pub fn audit_script_template() -> (&'static str, &'static str) {
    (AUDIT_SCRIPT_TEMPLATE, AUDIT_SCRIPT_ENVIRONMENT)
}
const AUDIT_SCRIPT_ENVIRONMENT: &str = "{{ENVIRONMENT}}";
/// The file the script writes.
pub const AUDIT_SCRIPT_OUTPUT: &str = "sspr-doctor-admins.csv";

/// Microsoft: "Create two or more emergency access accounts" that can always sign in; the
/// audit asks for at least this many Global Administrators who could reset today.
/// Source: the page below.
pub const GLOBAL_ADMINS_RECOMMENDED: usize = 2;
pub const EMERGENCY_ACCESS_URL: &str = "https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access";

/// Licences: "Basic SSPR features are available in Microsoft 365 Business Standard or higher
/// and all Microsoft Entra ID P1 or P2 SKUs"; on-premises writeback needs Microsoft Entra ID
/// P1, P2 or Microsoft 365 Business Premium. A user whose reset is off, or who has no such
/// licence, sees "Your administrator has not enabled you to use this feature" (Learn lists
/// it under the registration portal).
/// Sources: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-licensing (ms.date 2025-03-04),
/// https://learn.microsoft.com/en-us/entra/identity/authentication/troubleshoot-sspr (ms.date 2025-06-06)
pub const LICENSING_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/concept-sspr-licensing";

/// "If the UPN differs from the primary ProxyAddress/SMTPAddress of the user, the Sign-in
/// to Microsoft Entra ID with email as an alternate login ID setting must be enabled".
/// Sources: troubleshoot-sspr (above),
/// https://learn.microsoft.com/en-us/entra/identity/authentication/howto-authentication-use-email-signin
pub const EMAIL_SIGN_IN_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/howto-authentication-use-email-signin";

/// The reset page when the account cannot be contacted: after 10 seconds it shows "Try
/// again" and "Contact your administrator"; the latter "sends a form email to the
/// administrators requesting a password reset". And after a reset with writeback:
/// "OnPremisesSuccessCloudFailure": the password was reset on-premises, and the cloud
/// takes "a few minutes" to commit it.
/// Source: troubleshoot-sspr (above).
pub const CONTACT_RETRY_SECONDS: u32 = 10;

/// Account recovery, for someone who lost every method: identity verification through a
/// provider from Microsoft Security Store with Verified ID Face Check, then a Temporary
/// Access Pass to register new methods ("Recover your account" on the sign-in page). The
/// organization enables it per group; it needs Microsoft Entra ID P1 and a Face Check
/// licence. Older pages called it a preview; the current ones neither say preview nor
/// generally available, so we say neither.
/// Sources: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-account-recovery-overview (ms.date 2026-04-29),
/// https://learn.microsoft.com/en-us/entra/identity/authentication/self-service-account-recovery (ms.date 2026-08-14)
pub const ACCOUNT_RECOVERY_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/concept-account-recovery-overview";

/// Every URL the texts quote: the Markdown report keeps these, and only these, as links
/// (user text can never become one).
pub const TRUSTED_URLS: &[&str] = &[
    RESET_PAGE_URL,
    SECURITY_INFO_URL,
    AUTHENTICATION_DATA_URL,
    PHONE_OPTIONS_URL,
    OPT_IN_URL,
    SMS_RETIREMENT_URL,
    WRITEBACK_TROUBLESHOOT_URL,
    PERSONAL_ACCOUNT_RESET_URL,
    SUPPORT_URL,
    SUPPORT_PHONE_URL,
    SOLE_ADMIN_QA_URL,
    GDAP_URL,
    EMERGENCY_ACCESS_URL,
    PHONE_PROVIDERS_URL,
    LICENSING_URL,
    EMAIL_SIGN_IN_URL,
    ACCOUNT_RECOVERY_URL,
    TAP_URL,
    ENTRA_ADMIN_CENTER_URL,
    AZURE_PORTAL_US_GOVERNMENT_URL,
    AZURE_PORTAL_CHINA_URL,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opt_in_list() {
        assert_eq!(opt_in_regions("81"), None, "Japan left the list in the 2025-07-28 version");
        assert_eq!(opt_in_regions("7"), Some("RU,KZ"));
        assert_eq!(opt_in_regions("1876"), Some("JM"));
        assert_eq!(opt_in::OPT_IN.len(), 209);
    }

    #[test]
    fn dates() {
        assert!(SMS_RETIREMENT_ALL_USERS < SMS_RETIREMENT_GLOBAL_ADMINS);
        assert!(REGISTERED_METHODS_ONLY < FACTS_CHECKED);
    }
}
