//! What the fix plan and the fix script rely on: the Graph cmdlets, scopes and limits for
//! changing another user's methods (checked against Learn: docs/learn-checks/2026-12-05-fix-plan-facts.md).

/// Microsoft Graph PowerShell (module Microsoft.Graph.Identity.SignIns): the only cmdlets
/// the fix script writes with, and those it reads with. "A user may only have one phone of
/// each type", "You can't change a phone's type", "a user must always have a mobile phone
/// before adding an alternateMobile phone", "A user may only have one email authentication
/// method". The fix script never removes a method.
/// Sources: https://learn.microsoft.com/en-us/graph/api/authentication-post-phonemethods,
/// https://learn.microsoft.com/en-us/graph/api/phoneauthenticationmethod-update,
/// https://learn.microsoft.com/en-us/graph/api/authentication-post-emailmethods,
/// https://learn.microsoft.com/en-us/graph/api/authentication-post-temporaryaccesspassmethods,
/// https://learn.microsoft.com/en-us/powershell/module/microsoft.graph.identity.signins/
/// (docs/learn-checks/2026-12-05-fix-plan-facts.md)
pub const CMD_ADD_PHONE: &str = "New-MgUserAuthenticationPhoneMethod";
pub const CMD_UPDATE_PHONE: &str = "Update-MgUserAuthenticationPhoneMethod";
pub const CMD_ADD_EMAIL: &str = "New-MgUserAuthenticationEmailMethod";
pub const CMD_ADD_TAP: &str = "New-MgUserAuthenticationTemporaryAccessPassMethod";
pub const CMD_READ_PHONES: &str = "Get-MgUserAuthenticationPhoneMethod";
pub const CMD_READ_EMAILS: &str = "Get-MgUserAuthenticationEmailMethod";
/// Delegated scopes: reading methods for the dry run, writing them with -Apply (the methods'
/// cmdlets take the user name or id; nothing else is read).
/// Source: https://learn.microsoft.com/en-us/graph/api/authentication-list-phonemethods (permissions)
pub const SCOPE_READ_METHODS: &str = "UserAuthenticationMethod.Read.All";
pub const SCOPE_WRITE_METHODS: &str = "UserAuthenticationMethod.ReadWrite.All";

/// Temporary Access Pass: the policy's default lifetime is 1 hour, its default minimum 1
/// hour and maximum 8 hours (a pass outside the policy's range is refused); one pass per
/// user; not for external guests; not an SSPR method ("a TAP doesn't replace a user's
/// password"); only a Privileged Authentication Administrator creates one for an
/// administrator. The user must be in the TAP policy to sign in with it.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/howto-authentication-temporary-access-pass
pub const TAP_LIFETIME_MINUTES: u32 = 60;
pub const TAP_POLICY_MIN_MINUTES: u32 = 60;
pub const TAP_POLICY_MAX_MINUTES: u32 = 480;
pub const TAP_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/howto-authentication-temporary-access-pass";
