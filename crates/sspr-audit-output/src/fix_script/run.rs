//! What one run of the fix script needs besides its accounts (the `$Run` data): the
//! organization it is for (tenant id, else its user-name domains) and its cloud, and the
//! Microsoft Graph permissions the changes it holds need, the least each call allows
//! (facts::SCOPE_*), read forms for a dry run and write forms for -Apply.

use serde::Serialize;
use sspr_model::facts;
use sspr_model::plan::{Action, ActionId, AdminRole};

use crate::report::Organization;

/// Which kinds of change the script holds (its scriptable actions).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub phones: bool,
    pub emails: bool,
    pub passes: bool,
    /// Some account needs a Privileged Authentication Administrator (or Global Administrator).
    pub privileged: bool,
}

impl Changes {
    pub fn add(&mut self, a: &Action) {
        if !a.scriptable {
            return;
        }
        match a.id {
            ActionId::FixPhoneNumber | ActionId::AddPhoneMethod => self.phones = true,
            ActionId::AddEmailMethod => self.emails = true,
            ActionId::IssueTemporaryAccessPass => self.passes = true,
            _ => {}
        }
        if a.role == Some(AdminRole::PrivilegedAuthenticationAdministrator) {
            self.privileged = true;
        }
    }

    pub fn any(&self) -> bool {
        self.phones || self.emails || self.passes
    }

    /// The role that may make every change: the least-privileged one that covers them all.
    pub fn role(&self) -> AdminRole {
        if self.privileged {
            AdminRole::PrivilegedAuthenticationAdministrator
        } else {
            AdminRole::AuthenticationAdministrator
        }
    }

    /// The permissions a dry run asks for (it reads what the changes would touch).
    pub fn read_scopes(&self, tenant_known: bool) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.phones {
            v.push(facts::SCOPE_READ_PHONE_METHODS);
        }
        if self.emails {
            v.push(facts::SCOPE_READ_EMAIL_METHODS);
        }
        if self.passes {
            v.push(facts::SCOPE_READ_PASS);
        }
        if !tenant_known && self.any() {
            v.push(facts::SCOPE_READ_ORGANIZATION);
        }
        v
    }

    /// The permissions -Apply asks for: a Temporary Access Pass has no narrower permission
    /// than the one that also covers phones and email, so with a pass that one alone.
    pub fn write_scopes(&self, tenant_known: bool) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.passes {
            v.push(facts::SCOPE_WRITE_PASS);
        } else {
            if self.phones {
                v.push(facts::SCOPE_WRITE_PHONE_METHODS);
            }
            if self.emails {
                v.push(facts::SCOPE_WRITE_EMAIL_METHODS);
            }
        }
        if !tenant_known && self.any() {
            v.push(facts::SCOPE_READ_ORGANIZATION);
        }
        v
    }
}

/// The `$Run` document.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    /// Sign in at all: only when some account has a change the script makes.
    pub sign_in: bool,
    pub tenant_id: Option<String>,
    /// Lower case, without control or direction characters (they are printed).
    pub domains: Vec<String>,
    /// `Connect-MgGraph -Environment` of the organization's cloud.
    pub environment: &'static str,
    pub read_scopes: Vec<&'static str>,
    pub write_scopes: Vec<&'static str>,
    /// A phone number Microsoft accepts (facts::GRAPH_PHONE_FORM); the script writes no other.
    pub phone_form: &'static str,
}

impl Run {
    pub fn new(org: &Organization, changes: &Changes) -> Run {
        let known = org.tenant_id.is_some();
        Run {
            sign_in: changes.any(),
            tenant_id: org.tenant_id.as_ref().map(|t| t.to_string()),
            domains: org.domains.iter().map(|d| super::printable(d)).filter(|d| !d.is_empty()).collect(),
            environment: facts::cloud(org.cloud).graph_environment,
            read_scopes: changes.read_scopes(known),
            write_scopes: changes.write_scopes(known),
            phone_form: facts::GRAPH_PHONE_FORM,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_permissions_the_changes_need() {
        let phones = Changes { phones: true, ..Changes::default() };
        assert_eq!(phones.read_scopes(true), vec![facts::SCOPE_READ_PHONE_METHODS]);
        assert_eq!(phones.write_scopes(true), vec![facts::SCOPE_WRITE_PHONE_METHODS]);
        assert_eq!(phones.write_scopes(false), vec![facts::SCOPE_WRITE_PHONE_METHODS, facts::SCOPE_READ_ORGANIZATION]);
        let all = Changes { phones: true, emails: true, passes: true, privileged: true };
        assert_eq!(all.write_scopes(true), vec![facts::SCOPE_WRITE_PASS]);
        assert_eq!(all.read_scopes(true).len(), 3);
        let none = Changes::default();
        assert!(none.read_scopes(false).is_empty() && none.write_scopes(false).is_empty());
        assert_eq!(none.role(), AdminRole::AuthenticationAdministrator);
    }
}
