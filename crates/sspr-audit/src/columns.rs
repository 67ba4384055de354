//! Column (and JSON property) names to what they hold. Exports name the same thing in
//! many ways: Graph's camelCase (`userPrincipalName`), PowerShell's PascalCase
//! (`UserPrincipalName`), the admin center's labels ("User principal name"), MSOnline's
//! and community scripts' names ("UPN", "MFAPhone", "Email for SSPR"). Names are compared
//! as `values::key` (lower case, letters and digits only), in any order, any subset.
//! Sources for every name: shared/data/admin-exports/FORMATS.md.

pub use sspr_model::audit::Field;

use super::values::key;

/// Every accepted name, as a `key`. Where one name means different things in different
/// exports, the meaning in the exports that carry authentication data wins (`PhoneNumber`
/// is the MFA phone in MSOnline reports and Graph phone methods, not the directory's).
const NAMES: &[(&str, Field)] = &[
    ("userprincipalname", Field::Upn),
    ("upn", Field::Upn),
    ("username", Field::Upn),
    ("signinname", Field::Upn),
    ("ユーザープリンシパル名", Field::Upn),
    ("userdisplayname", Field::DisplayName),
    ("displayname", Field::DisplayName),
    ("name", Field::DisplayName),
    ("表示名", Field::DisplayName),
    ("名前", Field::DisplayName),
    ("id", Field::ObjectId),
    ("objectid", Field::ObjectId),
    ("userid", Field::ObjectId),
    ("userobjectid", Field::ObjectId),
    ("usertype", Field::UserType),
    ("accounttype", Field::UserType),
    ("isadmin", Field::IsAdmin),
    ("admin", Field::IsAdmin),
    ("privilegedaccount", Field::IsAdmin),
    ("roles", Field::Roles),
    ("adminroles", Field::Roles),
    ("activeroles", Field::Roles),
    ("role", Field::Roles),
    ("directoryroles", Field::Roles),
    ("eligibleroles", Field::EligibleRoles),
    ("isglobaladmin", Field::IsGlobalAdmin),
    ("globaladmin", Field::IsGlobalAdmin),
    ("isglobaladministrator", Field::IsGlobalAdmin),
    ("methodsregistered", Field::MethodsRegistered),
    ("mfamethodsregistered", Field::MethodsRegistered),
    ("registeredauthmethods", Field::MethodsRegistered),
    ("allmfamethods", Field::MethodsRegistered),
    ("allregisteredmethods", Field::MethodsRegistered),
    ("authenticationmethods", Field::MethodsRegistered),
    ("strongauthenticationmethods", Field::MethodsRegistered),
    ("登録済みの方法", Field::MethodsRegistered),
    ("defaultmfamethod", Field::DefaultMethod),
    ("mfadefaultmethod", Field::DefaultMethod),
    ("defaultauthmethod", Field::DefaultMethod),
    ("mfapreferredmethod", Field::DefaultMethod),
    ("userpreferredmethodforsecondaryauthentication", Field::DefaultMethod),
    ("isssprcapable", Field::IsSsprCapable),
    ("ssprcapable", Field::IsSsprCapable),
    ("isssprregistered", Field::IsSsprRegistered),
    ("ssprregistered", Field::IsSsprRegistered),
    ("isssprregisteredbyuser", Field::IsSsprRegistered),
    ("isssprenabled", Field::IsSsprEnabled),
    ("ssprenabled", Field::IsSsprEnabled),
    ("isssprenabledbyadmins", Field::IsSsprEnabled),
    ("authmobilephone", Field::AuthMobilePhone),
    ("authenticationphonenumber", Field::AuthMobilePhone),
    ("mfaphone", Field::AuthMobilePhone),
    ("strongauthenticationuserdetailsphonenumber", Field::AuthMobilePhone),
    ("電話番号", Field::AuthPhone),
    ("携帯電話", Field::AuthMobilePhone),
    ("authalternatemobilephone", Field::AuthAlternateMobilePhone),
    ("authenticationalternativephonenumber", Field::AuthAlternateMobilePhone),
    ("alternativephonenumber", Field::AuthAlternateMobilePhone),
    ("strongauthenticationuserdetailsalternativephonenumber", Field::AuthAlternateMobilePhone),
    ("authofficephone", Field::AuthOfficePhone),
    ("phonenumber", Field::AuthPhone),
    ("phonenumbers", Field::AuthPhone),
    ("phone", Field::AuthPhone),
    ("phonetype", Field::PhoneType),
    ("authemail", Field::AuthEmail),
    ("authenticationemail", Field::AuthEmail),
    ("emailforsspr", Field::AuthEmail),
    ("mfaemail", Field::AuthEmail),
    ("strongauthenticationuserdetailsemail", Field::AuthEmail),
    ("ssprEmail", Field::AuthEmail),
    ("mobilephone", Field::DirectoryMobilePhone),
    ("mobile", Field::DirectoryMobilePhone),
    ("othermails", Field::DirectoryOtherMails),
    ("alternateemailaddress", Field::DirectoryOtherMails),
    ("alternateemailaddresses", Field::DirectoryOtherMails),
    ("businessphones", Field::DirectoryBusinessPhone),
    ("telephonenumber", Field::DirectoryBusinessPhone),
    ("onpremisessyncenabled", Field::OnPremisesSync),
    ("dirsyncenabled", Field::OnPremisesSync),
    ("phoneauthentication", Field::HasPhoneMethod),
    ("authenticatorapp", Field::HasAuthenticatorApp),
    ("lastupdateddatetime", Field::LastUpdated),
    ("lastupdatedtime", Field::LastUpdated),
    ("tenantid", Field::TenantId),
];

/// The field a column name holds, if any.
pub fn field(name: &str) -> Option<Field> {
    let k = key(name);
    NAMES.iter().find(|(n, _)| key(n) == k).map(|(_, f)| *f)
}

/// How good a name is for its field: its place in `NAMES` (earlier is better).
fn rank(name: &str) -> usize {
    let k = key(name);
    NAMES.iter().position(|(n, _)| key(n) == k).unwrap_or(usize::MAX)
}

/// Two columns for one field: the better-named one wins ("UPN" over "User Name", which
/// is then the display name where there is none), the others are ignored.
/// (`Emailaddress` is not a column of the email method: in community reports it is the
/// account's own mail; only Graph's email method objects have `emailAddress` as the
/// method, see json.rs.)
pub fn resolve(mut columns: Vec<Option<Field>>, names: &[String]) -> Vec<Option<Field>> {
    let best = |f: Field, cols: &[Option<Field>]| {
        cols.iter().zip(names).enumerate().filter(|(_, (c, _))| **c == Some(f)).min_by_key(|(_, (_, n))| rank(n)).map(|(i, _)| i)
    };
    let snapshot = columns.clone();
    for (i, c) in columns.iter_mut().enumerate() {
        if let Some(f) = *c {
            if best(f, &snapshot) != Some(i) {
                *c = (f == Field::Upn && !snapshot.contains(&Some(Field::DisplayName))).then_some(Field::DisplayName);
            }
        }
    }
    columns
}

/// Graph's `userRegistrationDetails` properties (v1.0 and beta), as `key`s: a CSV with
/// only these columns is that report.
/// Source: https://learn.microsoft.com/en-us/graph/api/resources/userregistrationdetails?view=graph-rest-beta
pub const GRAPH_REGISTRATION_PROPERTIES: &[&str] = &[
    "id",
    "isadmin",
    "ismfacapable",
    "ismfaregistered",
    "ispasswordlesscapable",
    "isssprcapable",
    "isssprenabled",
    "isssprregistered",
    "issystempreferredauthenticationmethodenabled",
    "lastupdateddatetime",
    "methodsregistered",
    "systempreferredauthenticationmethods",
    "userdisplayname",
    "userpreferredmethodforsecondaryauthentication",
    "userprincipalname",
    "usertype",
    "defaultmfamethod",
    "additionalproperties",
];
