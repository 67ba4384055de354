//! What differs between Microsoft's clouds: the name `Connect-MgGraph -Environment` takes,
//! the Microsoft Graph endpoint, where an administrator manages a user's methods, where a
//! user registers them and resets, and which authentication-method APIs exist there. Read
//! on Learn on 2026-12-06: docs/learn-checks/2026-12-06-fix-script-reference.md (items 2, 3).

use crate::case::Cloud;

/// One cloud's endpoints and links. `None` where Learn gives none: never invented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CloudFacts {
    /// `Connect-MgGraph -Environment` (and `Get-MgContext`'s `Environment`).
    /// Source: https://learn.microsoft.com/powershell/module/microsoft.graph.authentication/get-mgenvironment
    /// ("Global", "China", "USGov", "USGovDoD": the built-in environments).
    pub graph_environment: &'static str,
    /// Source: https://learn.microsoft.com/graph/deployments ("Microsoft Graph national
    /// cloud deployments": global service, US Government L4, L5 (DOD), 21Vianet).
    pub graph_endpoint: &'static str,
    /// Where an administrator manages a user's authentication methods: the Microsoft Entra
    /// admin center in the public cloud; elsewhere the cloud's Azure portal, the one admin
    /// address Learn gives per national cloud.
    /// Sources: https://learn.microsoft.com/entra/identity/authentication/howto-mfa-userdevicesettings
    /// (entra.microsoft.com), https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud
    /// ("Azure portal for US Government https://portal.azure.us", "Azure portal China
    /// operated by 21Vianet https://portal.azure.cn"; ms.date 2025-01-15).
    pub admin_url: &'static str,
    /// True where `admin_url` is the Microsoft Entra admin center (else the Azure portal).
    pub admin_is_entra_center: bool,
    /// Where a user registers methods (Security info). Learn gives it for the public cloud
    /// only (https://aka.ms/mysecurityinfo): elsewhere the words name the page without an
    /// address.
    pub security_info_url: Option<&'static str>,
    /// The password reset page; Learn gives it for the public cloud only.
    pub reset_page_url: Option<&'static str>,
    /// Microsoft Graph v1.0 `emailMethods` and `temporaryAccessPassMethods` exist in this
    /// cloud: the pages' "National cloud availability" mark both ❌ for 21Vianet (phone
    /// methods ✅ everywhere), so the fix script neither reads nor writes them there.
    /// Sources: https://learn.microsoft.com/graph/api/authentication-post-emailmethods,
    /// https://learn.microsoft.com/graph/api/authentication-post-temporaryaccesspassmethods,
    /// https://learn.microsoft.com/graph/api/authentication-post-phonemethods
    pub email_and_pass_apis: bool,
}

pub const ENTRA_ADMIN_CENTER_URL: &str = "https://entra.microsoft.com";
pub const AZURE_PORTAL_US_GOVERNMENT_URL: &str = "https://portal.azure.us";
pub const AZURE_PORTAL_CHINA_URL: &str = "https://portal.azure.cn";

/// The facts of `cloud`.
pub fn cloud(cloud: Cloud) -> CloudFacts {
    match cloud {
        Cloud::Public => CloudFacts {
            graph_environment: "Global",
            graph_endpoint: "https://graph.microsoft.com",
            admin_url: ENTRA_ADMIN_CENTER_URL,
            admin_is_entra_center: true,
            security_info_url: Some(super::SECURITY_INFO_URL),
            reset_page_url: Some(super::RESET_PAGE_URL),
            email_and_pass_apis: true,
        },
        Cloud::UsGovernment => CloudFacts {
            graph_environment: "USGov",
            graph_endpoint: "https://graph.microsoft.us",
            admin_url: AZURE_PORTAL_US_GOVERNMENT_URL,
            admin_is_entra_center: false,
            security_info_url: None,
            reset_page_url: None,
            email_and_pass_apis: true,
        },
        Cloud::UsGovernmentDod => CloudFacts {
            graph_environment: "USGovDoD",
            graph_endpoint: "https://dod-graph.microsoft.us",
            admin_url: AZURE_PORTAL_US_GOVERNMENT_URL,
            admin_is_entra_center: false,
            security_info_url: None,
            reset_page_url: None,
            email_and_pass_apis: true,
        },
        Cloud::China => CloudFacts {
            graph_environment: "China",
            graph_endpoint: "https://microsoftgraph.chinacloudapi.cn",
            admin_url: AZURE_PORTAL_CHINA_URL,
            admin_is_entra_center: false,
            security_info_url: None,
            reset_page_url: None,
            email_and_pass_apis: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cloud_has_its_own_environment_and_endpoint() {
        let envs: std::collections::BTreeSet<_> = Cloud::ALL.iter().map(|c| cloud(*c).graph_environment).collect();
        let graphs: std::collections::BTreeSet<_> = Cloud::ALL.iter().map(|c| cloud(*c).graph_endpoint).collect();
        assert_eq!((envs.len(), graphs.len()), (4, 4));
        for c in Cloud::ALL {
            assert_eq!(Cloud::parse(c.as_str()), Some(c));
            assert!(cloud(c).admin_url.starts_with("https://"));
        }
    }
}
