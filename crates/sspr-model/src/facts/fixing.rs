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
/// "A user can only have one Temporary Access Pass": the script reads the passes first and
/// skips an account that has one.
/// Sources: https://learn.microsoft.com/graph/api/authentication-list-temporaryaccesspassmethods,
/// https://learn.microsoft.com/entra/identity/authentication/howto-authentication-temporary-access-pass
pub const CMD_READ_PASSES: &str = "Get-MgUserAuthenticationTemporaryAccessPassMethod";
/// Delegated permissions (work or school account) for acting on another user's methods, the
/// narrowest each call's permissions table allows. The tables' "least privileged" column
/// names the permissions without `.All`, which reach only the signed-in user's own methods
/// (and a user cannot add or update their own methods this way); the `.All` forms of the
/// per-method permissions are the narrowest that reach other users. A Temporary Access
/// Pass has no per-method permission ("Not available."): it takes
/// `UserAuthenticationMethod.ReadWrite.All`. Reading an organization's `verifiedDomains`
/// takes only `User.Read` ("able to read only the id, displayName, and verifiedDomains").
/// The script asks for the read forms in a dry run and the write forms with -Apply, only
/// for the kinds of method it will touch.
/// Sources: https://learn.microsoft.com/graph/api/authentication-list-phonemethods,
/// https://learn.microsoft.com/graph/api/authentication-post-phonemethods,
/// https://learn.microsoft.com/graph/api/phoneauthenticationmethod-update,
/// https://learn.microsoft.com/graph/api/authentication-list-emailmethods,
/// https://learn.microsoft.com/graph/api/authentication-post-emailmethods,
/// https://learn.microsoft.com/graph/api/authentication-post-temporaryaccesspassmethods,
/// https://learn.microsoft.com/graph/api/organization-get,
/// https://learn.microsoft.com/graph/permissions-reference
/// (read 2026-12-06: docs/learn-checks/2026-12-06-fix-script-reference.md, item 1)
pub const SCOPE_READ_PHONE_METHODS: &str = "UserAuthMethod-Phone.Read.All";
pub const SCOPE_WRITE_PHONE_METHODS: &str = "UserAuthMethod-Phone.ReadWrite.All";
pub const SCOPE_READ_EMAIL_METHODS: &str = "UserAuthMethod-Email.Read.All";
pub const SCOPE_WRITE_EMAIL_METHODS: &str = "UserAuthMethod-Email.ReadWrite.All";
pub const SCOPE_READ_PASS: &str = "UserAuthMethod-TAP.Read.All";
pub const SCOPE_WRITE_PASS: &str = "UserAuthenticationMethod.ReadWrite.All";
pub const SCOPE_READ_ORGANIZATION: &str = "User.Read";
/// The cmdlets the script signs in with and checks the organization with.
/// Sources: https://learn.microsoft.com/powershell/module/microsoft.graph.authentication/connect-mggraph,
/// https://learn.microsoft.com/powershell/module/microsoft.graph.authentication/get-mgcontext,
/// https://learn.microsoft.com/powershell/module/microsoft.graph.identity.directorymanagement/get-mgorganization
pub const CMD_CONNECT: &str = "Connect-MgGraph";
pub const CMD_CONTEXT: &str = "Get-MgContext";
pub const CMD_ORGANIZATION: &str = "Get-MgOrganization";

/// "Phone numbers use the format +{country code} {number}x{extension}, with extension
/// optional … Numbers are rejected when creating or updating if they don't match the
/// required format"; extensions are for office phones only. The script writes only numbers
/// that match this, without an extension (it never writes an office phone).
/// Source: https://learn.microsoft.com/graph/api/resources/phoneauthenticationmethod
pub const GRAPH_PHONE_FORM: &str = r"^\+[1-9][0-9]{0,2} [0-9]{4,14}$";

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
