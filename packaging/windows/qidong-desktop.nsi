; Qidong agent desktop: the Windows installer (NSIS 3, Unicode).
;
; Built from a staging folder that windeployqt filled (deploy.ps1 does
; both steps; docs/packaging.md, "Windows"):
;   makensis /DVERSION=0.1.0 /DSTAGING=C:\qidong\stage qidong-desktop.nsi
;
; Installs for all users into Program Files, adds a Start-menu entry and an
; uninstaller, registers qidong: links and offers Qidong for tel: links.
; IT pre-configures agents' PCs on the command line of a silent install:
;   qidong-desktop-setup.exe /S /HUBURL=wss://hub.corp.example.cn:8470 /LOCKHUB
; which writes the machine-wide settings
; (%ProgramData%\Qidong\qidong-desktop.ini, core/settings/SiteSettings).
; Per-user settings and the keychain are never touched, so an upgrade (a
; newer installer over an older one) keeps them.

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef STAGING
  !error "pass /DSTAGING=<folder with qidong-desktop.exe and what windeployqt put beside it>"
!endif
!ifndef OUTFILE
  !define OUTFILE "qidong-desktop-${VERSION}-setup.exe"
!endif

!define APP "Qidong"
!define EXE "qidong-desktop.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\QidongDesktop"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Qidong"
InstallDirRegKey HKLM "Software\Qidong\Desktop" "InstallDir"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "Qidong"
VIAddVersionKey /LANG=1033 "FileDescription" "Qidong agent desktop installer"
VIAddVersionKey /LANG=1033 "LegalCopyright" "Qidong"

!define MUI_ICON "${STAGING}\qidong.ico"
!define MUI_UNICON "${STAGING}\qidong.ico"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Var HubUrl
Var LockHub

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "Qidong needs 64-bit Windows."
    Abort
  ${EndIf}
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/HUBURL=" $HubUrl
  ClearErrors
  ${GetOptions} $R0 "/LOCKHUB" $R1
  ${IfNot} ${Errors}
    StrCpy $LockHub "1"
  ${EndIf}
FunctionEnd

Section "Qidong" Main
  SectionIn RO
  SetShellVarContext all
  ; An older version's files go first; the user's settings are elsewhere.
  RMDir /r "$INSTDIR"
  SetOutPath "$INSTDIR"
  File /r "${STAGING}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\Qidong.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\qidong.ico"

  WriteRegStr HKLM "Software\Qidong\Desktop" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Qidong"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\qidong.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0

  ; qidong: links start (or reach) the desktop: click-to-dial from a CRM.
  WriteRegStr HKLM "Software\Classes\qidong" "" "URL:Qidong"
  WriteRegStr HKLM "Software\Classes\qidong" "URL Protocol" ""
  WriteRegStr HKLM "Software\Classes\qidong\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  ; tel: is offered, not taken: Windows asks the user which app to use.
  WriteRegStr HKLM "Software\Classes\Qidong.tel" "" "Qidong call"
  WriteRegStr HKLM "Software\Classes\Qidong.tel\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKLM "Software\Qidong\Desktop\Capabilities" "ApplicationName" "${APP}"
  WriteRegStr HKLM "Software\Qidong\Desktop\Capabilities" "ApplicationDescription" "Contact center agent desktop"
  WriteRegStr HKLM "Software\Qidong\Desktop\Capabilities\URLAssociations" "tel" "Qidong.tel"
  WriteRegStr HKLM "Software\RegisteredApplications" "Qidong" "Software\Qidong\Desktop\Capabilities"

  ; The machine-wide settings IT asked for; left as they are otherwise.
  ${If} $HubUrl != ""
    CreateDirectory "$COMMONPROGRAMDATA\Qidong"
    WriteINIStr "$COMMONPROGRAMDATA\Qidong\qidong-desktop.ini" "signIn" "hubUrl" "$HubUrl"
    ${If} $LockHub == "1"
      WriteINIStr "$COMMONPROGRAMDATA\Qidong\qidong-desktop.ini" "locked" "keys" "signIn/hubUrl"
    ${EndIf}
  ${EndIf}
SectionEnd

Section "Uninstall"
  SetRegView 64
  SetShellVarContext all
  Delete "$SMPROGRAMS\Qidong.lnk"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\Qidong\Desktop"
  DeleteRegKey HKLM "Software\Classes\qidong"
  DeleteRegKey HKLM "Software\Classes\Qidong.tel"
  DeleteRegValue HKLM "Software\RegisteredApplications" "Qidong"
  ; %ProgramData%\Qidong (IT's settings) and each user's own settings and
  ; keychain entries stay: they are not the program's.
SectionEnd
