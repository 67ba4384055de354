#Requires -Version 5.1
{{HEADER}}
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [switch]$Apply
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
# The Graph cmdlets are functions of a script module and do not see this script's
# preference: a failed read or write must stop, not look like an empty answer.
$PSDefaultParameterValues['*-Mg*:ErrorAction'] = 'Stop'

# {{C_TEXT}}
$Text = @'
{{TEXT_JSON}}
'@ | ConvertFrom-Json

# {{C_RUN}}
$Run = @'
{{RUN_JSON}}
'@ | ConvertFrom-Json

# {{C_ACCOUNTS}}
$Accounts = @(@'
{{ACCOUNT_LINES}}
'@ -split '\r?\n' | Where-Object { $_.Trim() -ne '' } | ForEach-Object { $_ | ConvertFrom-Json })

if ($Accounts.Count -eq 0) {
    Write-Host $Text.nothing
    return
}

$connect = Get-Command -Name '{{CMD_CONNECT}}' -ErrorAction SilentlyContinue
if (-not $connect -or -not (Get-Command -Name '{{CMD_READ_PHONES}}' -ErrorAction SilentlyContinue)) {
    Write-Host ($Text.noModule -f $Text.install)
    return
}

$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
$here = (Get-Location).Path
$transcriptPath = Join-Path -Path $here -ChildPath ('sspr-doctor-fix-' + $stamp + '.log')
$rollbackPath = Join-Path -Path $here -ChildPath ('sspr-doctor-rollback-' + $stamp + '.json')
Start-Transcript -Path $transcriptPath -WhatIf:$false -Confirm:$false | Out-Null
# Whatever stops the script (an error, Ctrl+C), the transcript stops with it; the passes
# are shown only after that.
try {
    Write-Host ($Text.transcript -f $transcriptPath)

    # {{C_SIGN_IN}}
    $me = $null
    if ($Run.signIn) {
        $scopes = @($Run.readScopes)
        if ($Apply) {
            $scopes = @($Run.writeScopes)
        }
        $signIn = @{ Scopes = $scopes; Environment = $Run.environment; ContextScope = 'Process' }
        if ($Run.tenantId) {
            $signIn['TenantId'] = $Run.tenantId
        }
        if ($connect.Parameters.ContainsKey('NoWelcome')) {
            $signIn['NoWelcome'] = $true
        }
        {{CMD_CONNECT}} @signIn

        # {{C_GUARD}}
        $context = {{CMD_CONTEXT}}
        if (-not $context -or -not $context.TenantId) {
            Write-Host $Text.notSignedIn
            return
        }
        if ($context.PSObject.Properties['Environment'] -and $context.Environment -and $context.Environment -ne $Run.environment) {
            Write-Host ($Text.wrongCloud -f $context.Environment, $Run.environment)
            return
        }
        if ($Run.tenantId) {
            if (('' + $context.TenantId).ToLowerInvariant() -ne $Run.tenantId) {
                Write-Host ($Text.wrongTenant -f $context.TenantId, $Run.tenantId)
                return
            }
        } elseif (@($Run.domains).Count -eq 0) {
            Write-Host $Text.unknownOrganization
            return
        } else {
            $verified = @({{CMD_ORGANIZATION}} -Property 'verifiedDomains' -ErrorAction Stop | ForEach-Object { $_.VerifiedDomains } | ForEach-Object { ('' + $_.Name).ToLowerInvariant() })
            $missing = @($Run.domains | Where-Object { $verified -notcontains $_ })
            if ($verified.Count -eq 0 -or $missing.Count -gt 0) {
                Write-Host ($Text.wrongDomains -f ($missing -join ', '))
                return
            }
        }
        Write-Host ($Text.signedIn -f $context.TenantId, $Run.environment)
        $me = $context.Account
    }
    if ($Apply) {
        Write-Host $Text.applying
    } else {
        Write-Host $Text.dryRun
    }

    function Get-Digits {
        param([string]$Value)
        # Full-width digits count as the digits they are.
        return ($Value.Normalize([Text.NormalizationForm]::FormKC) -replace '[^0-9]', '')
    }

    function Read-Methods {
        param([string]$UserId, [bool]$Phones, [bool]$Emails, [bool]$Passes)
        # Only what the account's changes need, with only the scopes asked for them.
        $phoneList = @()
        $emailList = @()
        $passList = @()
        if ($Phones) {
            $phoneList = @({{CMD_READ_PHONES}} -UserId $UserId -ErrorAction Stop)
        }
        if ($Emails) {
            $emailList = @({{CMD_READ_EMAILS}} -UserId $UserId -ErrorAction Stop)
        }
        #tap:begin
        if ($Passes) {
            $passList = @({{CMD_READ_PASSES}} -UserId $UserId -ErrorAction Stop)
        }
        #tap:end
        return [pscustomobject]@{ Phones = $phoneList; Emails = $emailList; Passes = $passList }
    }

    function Format-Methods {
        param($Live)
        $parts = @()
        foreach ($p in $Live.Phones) {
            $parts += ('' + $p.PhoneType + ' ' + $p.PhoneNumber)
        }
        foreach ($e in $Live.Emails) {
            $parts += ('email ' + $e.EmailAddress)
        }
        if ($parts.Count -eq 0) {
            return '-'
        }
        return ($parts -join '; ')
    }

    # {{C_READ}}
    $work = @()
    $owners = @()
    $applied = 0
    $skipped = 0
    $failed = 0
    foreach ($a in $Accounts) {
        $userId = $a.id
        if (-not $userId) {
            $userId = $a.upn
        }
        Write-Host ($Text.account -f $a.shown)
        foreach ($act in $a.actions) {
            if ($act.id -eq 'review_manually') {
                Write-Host ($Text.review -f $Text.reasons.($act.detail.reason))
            }
            if ($act.id -eq 'user_registers_method') {
                $owners += [pscustomobject]@{ Shown = $a.shown; Before = $act.detail.before }
            }
        }
        $writes = @($a.actions | Where-Object { $_.scriptable })
        if ($writes.Count -eq 0) {
            continue
        }
        if ($me -and $a.upn -and ($a.upn -eq $me)) {
            Write-Host $Text.ownAccount
            $skipped += $writes.Count
            continue
        }
        $wantPhones = @($writes | Where-Object { $_.id -eq 'add_phone_method' -or $_.id -eq 'fix_phone_number' }).Count -gt 0
        $wantEmails = @($writes | Where-Object { $_.id -eq 'add_email_method' }).Count -gt 0
        $wantPasses = @($writes | Where-Object { $_.id -eq 'issue_temporary_access_pass' }).Count -gt 0
        try {
            $live = Read-Methods -UserId $userId -Phones $wantPhones -Emails $wantEmails -Passes $wantPasses
        } catch {
            Write-Host ($Text.readFailed -f $_.Exception.Message)
            $skipped += $writes.Count
            continue
        }
        $todo = @()
        foreach ($act in $writes) {
            if ($act.id -eq 'add_email_method') {
                if ($live.Emails.Count -gt 0) {
                    Write-Host ($Text.skipEmailExists -f $live.Emails[0].EmailAddress)
                    $skipped++
                } else {
                    Write-Host ($Text.wouldAddEmail -f $act.detail.to)
                    $todo += [pscustomobject]@{ Action = $act; MethodId = '' }
                }
            }
            if ($act.id -eq 'add_phone_method' -or $act.id -eq 'fix_phone_number') {
                # Microsoft's rules for phone methods: the number as +{country code} {number},
                # one phone of each type, an alternate mobile only beside a mobile, and never
                # a change of a phone's type.
                $same = @($live.Phones | Where-Object { $_.PhoneType -eq $act.detail.phoneType })
                $mobiles = @($live.Phones | Where-Object { $_.PhoneType -eq 'mobile' })
                if ($act.detail.to -cnotmatch $Run.phoneForm) {
                    Write-Host ($Text.skipPhoneForm -f $act.detail.to)
                    $skipped++
                } elseif ($act.id -eq 'add_phone_method') {
                    if ($same.Count -gt 0) {
                        Write-Host ($Text.skipPhoneExists -f $same[0].PhoneNumber)
                        $skipped++
                    } elseif ($act.detail.phoneType -eq 'alternateMobile' -and $mobiles.Count -eq 0) {
                        Write-Host $Text.skipNeedsMobile
                        $skipped++
                    } else {
                        Write-Host ($Text.wouldAddPhone -f $act.detail.to)
                        $todo += [pscustomobject]@{ Action = $act; MethodId = '' }
                    }
                } elseif ($same.Count -eq 1 -and (Get-Digits $act.detail.from) -ne '' -and (Get-Digits $same[0].PhoneNumber) -eq (Get-Digits $act.detail.from)) {
                    Write-Host ($Text.wouldFix -f $act.detail.from, $act.detail.to)
                    $todo += [pscustomobject]@{ Action = $act; MethodId = $same[0].Id }
                } else {
                    Write-Host ($Text.skipChanged -f $act.detail.from, (Format-Methods $live))
                    $skipped++
                }
            }
            #tap:begin
            if ($act.id -eq 'issue_temporary_access_pass') {
                if ($live.Passes.Count -gt 0) {
                    Write-Host $Text.skipPassExists
                    $skipped++
                } else {
                    Write-Host ($Text.wouldTap -f $act.detail.lifetimeMinutes)
                    $todo += [pscustomobject]@{ Action = $act; MethodId = '' }
                }
            }
            #tap:end
        }
        if ($todo.Count -gt 0) {
            $work += [pscustomobject]@{ Shown = $a.shown; UserId = $userId; Live = $live; Todo = $todo; Phones = $wantPhones; Emails = $wantEmails }
        }
    }

    #tap:begin
    $passes = @()
    #tap:end
    if ($Apply -and $work.Count -gt 0) {
        # {{C_ROLLBACK}}
        $old = @($work | ForEach-Object {
            [pscustomobject]@{
                account = $_.Shown
                userId = $_.UserId
                phones = @($_.Live.Phones | ForEach-Object { [pscustomobject]@{ id = $_.Id; phoneType = $_.PhoneType; phoneNumber = $_.PhoneNumber } })
                emails = @($_.Live.Emails | ForEach-Object { [pscustomobject]@{ id = $_.Id; emailAddress = $_.EmailAddress } })
            }
        })
        ConvertTo-Json -InputObject $old -Depth 5 | Set-Content -Path $rollbackPath -Encoding UTF8 -WhatIf:$false -Confirm:$false
        Write-Host ($Text.rollbackWritten -f $rollbackPath)

        # {{C_WRITE}}
        foreach ($w in $work) {
            Write-Host ($Text.account -f $w.Shown)
            foreach ($t in $w.Todo) {
                $act = $t.Action
                if (-not $PSCmdlet.ShouldProcess($w.Shown, $act.id)) {
                    continue
                }
                try {
                    if ($act.id -eq 'add_email_method') {
                        {{CMD_ADD_EMAIL}} -UserId $w.UserId -ErrorAction Stop -BodyParameter @{ emailAddress = $act.detail.to } -Confirm:$false | Out-Null
                    }
                    if ($act.id -eq 'add_phone_method') {
                        {{CMD_ADD_PHONE}} -UserId $w.UserId -ErrorAction Stop -BodyParameter @{ phoneNumber = $act.detail.to; phoneType = $act.detail.phoneType } -Confirm:$false | Out-Null
                    }
                    if ($act.id -eq 'fix_phone_number') {
                        {{CMD_UPDATE_PHONE}} -UserId $w.UserId -ErrorAction Stop -PhoneAuthenticationMethodId $t.MethodId -BodyParameter @{ phoneNumber = $act.detail.to; phoneType = $act.detail.phoneType } -Confirm:$false | Out-Null
                    }
                    #tap:begin
                    if ($act.id -eq 'issue_temporary_access_pass') {
                        $pass = {{CMD_ADD_TAP}} -UserId $w.UserId -ErrorAction Stop -BodyParameter @{ lifetimeInMinutes = $act.detail.lifetimeMinutes; isUsableOnce = $true } -Confirm:$false
                        $passes += [pscustomobject]@{ Shown = $w.Shown; Pass = $pass.TemporaryAccessPass }
                    }
                    #tap:end
                    Write-Host ($Text.done -f $act.id)
                    $applied++
                } catch {
                    Write-Host ($Text.failed -f $act.id, $_.Exception.Message)
                    $failed++
                }
            }
        }

        # {{C_VERIFY}}
        foreach ($w in $work) {
            Write-Host ($Text.account -f $w.Shown)
            try {
                $now = Read-Methods -UserId $w.UserId -Phones $w.Phones -Emails $w.Emails -Passes $false
                Write-Host ($Text.nowHolds -f (Format-Methods $now))
            } catch {
                Write-Host ($Text.readFailed -f $_.Exception.Message)
            }
        }
    }
    Write-Host ($Text.summary -f $applied, $skipped, $failed)

    # {{C_OWNERS}}
    if ($owners.Count -gt 0) {
        Write-Host ''
        Write-Host $Text.ownersTitle
        foreach ($o in $owners) {
            if ($o.Before) {
                Write-Host ($Text.ownerMessage -f $o.Shown, $o.Before, $Text.securityInfo)
            } else {
                Write-Host ($Text.ownerMessageNow -f $o.Shown, $Text.securityInfo)
            }
        }
    }
} finally {
    try {
        Stop-Transcript | Out-Null
    } catch {
        Write-Verbose $_.Exception.Message
    }
}
#tap:begin

# {{C_PASSES}}
if ($passes.Count -gt 0) {
    Write-Host ''
    Write-Host $Text.passesTitle
    Write-Host $Text.passesWarning
    foreach ($p in $passes) {
        Write-Host ('{0}: {1}' -f $p.Shown, $p.Pass)
    }
}
#tap:end
