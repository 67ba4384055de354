# SSPR Doctor: every administrator (active and eligible role members) with the methods
# self-service password reset uses, into sspr-doctor-admins.csv for "Check all administrators".
# Read-only: it reads the directory and writes one file on this computer. It changes nothing.
# Needs Microsoft Graph PowerShell (Install-Module Microsoft.Graph -Scope CurrentUser) and a
# role that can read authentication methods (Global Reader can; Privileged Authentication
# Administrator sees phone numbers unmasked).
# The Microsoft cloud of your organization: Global, USGov, USGovDoD or China.
$Environment = '{{ENVIRONMENT}}'
Connect-MgGraph -NoWelcome -ContextScope Process -Environment $Environment -Scopes 'RoleManagement.Read.Directory', 'Directory.Read.All', 'UserAuthenticationMethod.Read.All', 'AuditLog.Read.All'
# The organization's tenant id, in every row: a fix script made from this file signs in to
# this tenant only.
$tenantId = (Get-MgContext).TenantId

$roleNames = @{}
Get-MgRoleManagementDirectoryRoleDefinition -All | ForEach-Object { $roleNames[$_.Id] = $_.DisplayName }
$admins = @{}
function Add-Admin($principalId, $roleId, $kind) {
    $type = (Get-MgDirectoryObject -DirectoryObjectId $principalId).AdditionalProperties['@odata.type']
    $ids = if ($type -eq '#microsoft.graph.group') { (Get-MgGroupTransitiveMember -GroupId $principalId -All).Id } elseif ($type -eq '#microsoft.graph.user') { @($principalId) } else { @() }
    foreach ($id in $ids) {
        if (-not $admins[$id]) { $admins[$id] = @{ active = @(); eligible = @() } }
        $admins[$id][$kind] += $roleNames[$roleId]
    }
}
Get-MgRoleManagementDirectoryRoleAssignment -All | ForEach-Object { Add-Admin $_.PrincipalId $_.RoleDefinitionId 'active' }
# Eligible assignments need Privileged Identity Management (Microsoft Entra ID P2).
try { Get-MgRoleManagementDirectoryRoleEligibilitySchedule -All -ErrorAction Stop | ForEach-Object { Add-Admin $_.PrincipalId $_.RoleDefinitionId 'eligible' } }
catch { Write-Warning "Eligible role assignments not read: $($_.Exception.Message)" }

$rows = foreach ($id in $admins.Keys) {
    $u = Get-MgUser -UserId $id -Property 'Id', 'UserPrincipalName', 'DisplayName', 'UserType', 'OnPremisesSyncEnabled', 'MobilePhone', 'OtherMails', 'BusinessPhones' -ErrorAction SilentlyContinue
    if (-not $u) { continue }
    $reg = Get-MgReportAuthenticationMethodUserRegistrationDetail -UserRegistrationDetailsId $id -ErrorAction SilentlyContinue
    $phones = @(Get-MgUserAuthenticationPhoneMethod -UserId $id -ErrorAction SilentlyContinue)
    $email = @(Get-MgUserAuthenticationEmailMethod -UserId $id -ErrorAction SilentlyContinue) | Select-Object -First 1
    [pscustomobject][ordered]@{
        userPrincipalName        = $u.UserPrincipalName
        displayName              = $u.DisplayName
        id                       = $u.Id
        userType                 = $u.UserType
        roles                    = ($admins[$id].active | Sort-Object -Unique) -join '; '
        eligibleRoles            = ($admins[$id].eligible | Sort-Object -Unique) -join '; '
        methodsRegistered        = if ($reg) { $reg.MethodsRegistered -join '; ' } else { '' }
        isSsprRegistered         = if ($reg) { $reg.IsSsprRegistered } else { '' }
        isSsprCapable            = if ($reg) { $reg.IsSsprCapable } else { '' }
        authMobilePhone          = ($phones | Where-Object PhoneType -eq 'mobile').PhoneNumber
        authAlternateMobilePhone = ($phones | Where-Object PhoneType -eq 'alternateMobile').PhoneNumber
        authOfficePhone          = ($phones | Where-Object PhoneType -eq 'office').PhoneNumber
        authEmail                = $email.EmailAddress
        mobilePhone              = $u.MobilePhone
        otherMails               = $u.OtherMails -join '; '
        businessPhones           = $u.BusinessPhones -join '; '
        onPremisesSyncEnabled    = $u.OnPremisesSyncEnabled
        tenantId                 = $tenantId
    }
}
$rows | Export-Csv -Path .\sspr-doctor-admins.csv -NoTypeInformation -Encoding UTF8
Write-Host "Wrote $(@($rows).Count) administrators to $((Resolve-Path .\sspr-doctor-admins.csv).Path)"
