//! Lists of Entra roles the rules depend on, each with the Learn page it is copied from.

/// The roles the administrator reset policy (two methods, no security questions) covers,
/// as Learn lists them. Reader roles (Global Reader, Security Reader, Reports Reader,
/// Directory Readers, Message Center Reader) are not on the list: for them the
/// organization's user policy decides. Custom roles are not either, but a name the list
/// lacks may be a built-in role renamed since: the audit gives those the stricter rule. Learn does not say whether a role that is
/// only eligible (PIM) counts; the audit counts it as if active (the account can activate
/// it at any time) and says so.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-policy#administrator-reset-policy-differences
/// (ms.date 2026-05-26; 78 roles)
pub const ADMIN_POLICY_ROLES: &[&str] = &[
    "AdHoc License Administrator",
    "Application Administrator",
    "Application Proxy Service Administrator",
    "Attack Simulation Administrator",
    "Attribute Assignment Administrator",
    "Attribute Definition Administrator",
    "Attribute Log Administrator",
    "Authentication Administrator",
    "Authentication Extensibility Administrator",
    "Authentication Policy Administrator",
    "Azure DevOps Administrator",
    "Azure Information Protection Administrator",
    "B2C IEF Keyset Administrator",
    "B2C IEF Policy Administrator",
    "Billing Administrator",
    "Cloud App Security Administrator",
    "Cloud Device Administrator",
    "Compliance Administrator",
    "Compliance Data Administrator",
    "Conditional Access Administrator",
    "Customer Lockbox Access Approver",
    "Desktop Analytics Administrator",
    "Device Administrators",
    "Directory Synchronization Accounts",
    "Directory Writers",
    "Domain Name Administrator",
    "Dynamics 365 Administrator",
    "Dynamics 365 Business Central Administrator",
    "Edge Administrator",
    "Email Verified User Creator",
    "Exchange Administrator",
    "Exchange Recipient Administrator",
    "External ID User Flow Administrator",
    "External ID User Flow Attribute Administrator",
    "External Identity Provider Administrator",
    "Global Administrator",
    "Global Secure Access Administrator",
    "Groups Administrator",
    "Helpdesk Administrator",
    "Hybrid Identity Administrator",
    "Identity Governance Administrator",
    "Insights Administrator",
    "Intune Administrator",
    "Knowledge Administrator",
    "License Administrator",
    "Lifecycle Workflows Administrator",
    "Mailbox Administrator",
    "Microsoft Entra Joined Device Local Administrator",
    "Microsoft Hardware Warranty Administrator",
    "Microsoft 365 Migration Administrator",
    "Modern Commerce Administrator",
    "Network Administrator",
    "Office Apps Administrator",
    "Organizational Branding Administrator",
    "Partner Tier1 Support",
    "Partner Tier2 Support",
    "Password Administrator",
    "Permissions Management Administrator",
    "Power BI Service Administrator",
    "Power Platform Administrator",
    "Printer Administrator",
    "Privileged Authentication Administrator",
    "Privileged Role Administrator",
    "Search Administrator",
    "Security Administrator",
    "Service Support Administrator",
    "SharePoint Administrator",
    "Skype for Business Administrator",
    "Teams Administrator",
    "Teams Communications Administrator",
    "Teams Devices Administrator",
    "User Administrator",
    "Virtual Visits Administrator",
    "Viva Goals Administrator",
    "Viva Pulse Administrator",
    "Windows365 Administrator",
    "Windows Update Deployment Administrator",
    "Yammer Administrator",
];

/// Japanese names (Microsoft's Japanese admin center) of reader roles, which are outside
/// the list above. Other Japanese names are not classified.
/// Source: https://learn.microsoft.com/ja-jp/entra/identity/role-based-access-control/permissions-reference
pub const READER_ROLES_JA: &[&str] =
    &["グローバル閲覧者", "セキュリティ閲覧者", "レポート閲覧者", "ディレクトリ閲覧者", "メッセージ センター閲覧者"];

/// The roles whose holders an Authentication Administrator may change methods for ("Who
/// can reset passwords": Auth Admin, Directory Readers, Guest Inviter, Message Center
/// Reader, Password Admin, Reports Reader, User Experience Success Manager, Usage Summary
/// Reports Reader, and users with no admin role). Any other role, built-in or custom, takes
/// a Privileged Authentication Administrator or a Global Administrator.
/// Source: https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/privileged-roles-permissions#who-can-reset-passwords (ms.date 2026-06-05)
pub const AUTH_ADMIN_MANAGEABLE_ROLES: &[&str] = &[
    "Authentication Administrator",
    "Directory Readers",
    "Guest Inviter",
    "Message Center Reader",
    "Password Administrator",
    "Reports Reader",
    "User Experience Success Manager",
    "Usage Summary Reports Reader",
];
